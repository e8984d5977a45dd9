using PaperTrail.Content;
using PaperTrail.Related;
using PaperTrail.Topics;

namespace PaperTrail.Build;

/// <summary>
/// What a site is made from besides the archive's own files (<see cref="Archive"/>): the learned topic
/// model, <c>topics-model.txt</c>, read by Topics/, and the term table related papers weigh terms by,
/// <c>term-frequencies.txt</c>, read by Related/. Both folders stand on Content/, so the archive cannot
/// carry them; a build and <c>generator check</c> read them just after it.
/// </summary>
internal sealed record LearnedTables(TopicModel? TopicModel, TermFrequencies TermFrequencies)
{
    /// <summary>The archive's tables; problems are collected, never thrown, as the archive's are.</summary>
    public static LearnedTables Load(string contentDir, List<ContentProblem> problems) =>
        new(TopicModelFile.Load(contentDir, problems), TermFrequencies.Load(contentDir, problems));

    /// <summary>An archive with neither file: no model (the rules alone assign topics) and the generator's own term table.</summary>
    public static LearnedTables None { get; } = new(null, TermFrequencies.Default);
}
