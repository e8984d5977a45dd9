namespace PaperTrail.Doctor;

/// <summary>One concern of <c>generator doctor</c>: its findings about a fork, in a fixed order.</summary>
internal interface IForkCheck
{
    IEnumerable<DoctorFinding> Run(ForkLayout fork);
}
