namespace LearnerProbe;

/// <summary>
/// Self-training: the base learner, trained on the labelled documents, scores the unlabelled pool; per
/// topic, pool papers it is sure of (probability ≥ <paramref name="high"/>: the topic; ≤ <paramref name="low"/>:
/// not) join the labelled ones with those pseudo-labels, and the base learner is trained again on them.
/// </summary>
internal sealed class SelfTraining(ILearner learner, double high, double low) : ILearner
{
    public string Name => $"self-training on the pool ({learner.Name}; ≥{high} yes, ≤{low} no)";

    /// <summary>Pseudo-labels added in the last run, per topic (positives, negatives): for the report.</summary>
    public List<string> Added { get; } = [];

    public double[][] Run(Documents docs, IReadOnlyList<int> train, IReadOnlyList<string> slugs, bool[][] labels, IReadOnlyList<int> predict)
    {
        var pool = Enumerable.Range(docs.PoolStart, docs.Pool.Count).ToList();
        var scored = learner.Run(docs, train, slugs, labels, pool.Concat(predict).ToList());
        var result = predict.Select(_ => new double[slugs.Count]).ToArray();
        int positives = 0, negatives = 0;
        // Topics one after another; the base learner runs its own work in parallel.
        for (var t = 0; t < slugs.Count; t++)
        {
            var yes = pool.Where((_, i) => scored[i][t] >= high).ToList();
            var no = pool.Where((_, i) => scored[i][t] <= low).ToList();
            positives += yes.Count;
            negatives += no.Count;
            var rows = train.Concat(yes).Concat(no).ToList();
            var gold = labels[t].Concat(yes.Select(_ => true)).Concat(no.Select(_ => false)).ToArray();
            var again = learner.Run(docs, rows, [slugs[t]], [gold], predict);
            for (var i = 0; i < predict.Count; i++) result[i][t] = again[i][0];
        }
        Added.Add($"{positives} positive and {negatives} negative pseudo-labels over {slugs.Count} topics");
        return result;
    }
}

/// <summary>The mean of two learners' probabilities.</summary>
internal sealed class Ensemble(ILearner first, ILearner second) : ILearner
{
    public string Name => $"mean of [{first.Name}] and [{second.Name}]";

    public double[][] Run(Documents docs, IReadOnlyList<int> train, IReadOnlyList<string> slugs, bool[][] labels, IReadOnlyList<int> predict)
    {
        var a = first.Run(docs, train, slugs, labels, predict);
        var b = second.Run(docs, train, slugs, labels, predict);
        return a.Select((row, i) => row.Select((p, t) => (p + b[i][t]) / 2).ToArray()).ToArray();
    }
}
