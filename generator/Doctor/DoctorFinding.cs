namespace PaperTrail.Doctor;

/// <summary>How much a finding of <c>generator doctor</c> weighs: only a problem fails it (exit 1).</summary>
internal enum FindingLevel
{
    /// <summary>The fork will not publish as it is: what to fix.</summary>
    Problem,

    /// <summary>It publishes, with less (no search index, formulas as TeX): what to do about it.</summary>
    Warning,

    /// <summary>What cannot be checked offline and a person must see to.</summary>
    Note,
}

/// <summary>One line of <c>generator doctor</c>: what is wrong or to see to, and what to do.</summary>
internal sealed record DoctorFinding(FindingLevel Level, string Text)
{
    public static DoctorFinding Problem(string text) => new(FindingLevel.Problem, text);
    public static DoctorFinding Warning(string text) => new(FindingLevel.Warning, text);
    public static DoctorFinding Note(string text) => new(FindingLevel.Note, text);

    public override string ToString() => $"{Level.ToString().ToLowerInvariant()}: {Content.ContentProblem.OneLine(Text)}";
}
