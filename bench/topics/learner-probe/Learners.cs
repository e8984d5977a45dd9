using System.Reflection;
using PaperTrail.Topics;

namespace LearnerProbe;

/// <summary>
/// A learner: trained on some documents' labels (one row per topic), it gives each of other
/// documents a probability per topic. Documents are indices into <see cref="Documents"/>.
/// </summary>
internal interface ILearner
{
    string Name { get; }

    double[][] Run(Documents docs, IReadOnlyList<int> train, IReadOnlyList<string> slugs, bool[][] labels, IReadOnlyList<int> predict);
}

/// <summary>The generator's own trainer (TF-IDF, L1+L2 logistic regression, fitted twice), called through its private Fit.</summary>
internal sealed class ShippedLogistic : ILearner
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Static;
    private static readonly MethodInfo FitMethod = typeof(TopicModelTrainer).GetMethod("Fit", Private)!;
    private static readonly MethodInfo AssembleMethod = typeof(TopicModelTrainer).GetMethod("Assemble", Private)!;

    public string Name => "shipped LR (generator's trainer)";

    public double[][] Run(Documents docs, IReadOnlyList<int> train, IReadOnlyList<string> slugs, bool[][] labels, IReadOnlyList<int> predict)
    {
        var papers = train.Select((d, k) => new LabelledPaper(docs.Papers[d], slugs.Where((_, t) => labels[t][k]).ToList())).ToList();
        var list = slugs.ToList();
        var fitted = FitMethod.Invoke(null, [docs.Taxonomy, list, papers, new TrainingSettings()])!;
        var (vocabulary, fits) = ((TermVocabulary, LogisticRegression.Fit[]))fitted;
        var model = (TopicModel)AssembleMethod.Invoke(null, [vocabulary, list, fits, list.Select(_ => (0.5, TopicDecision.Model)).ToList(), papers.Count])!;
        return predict.Select(d => model.Probabilities(PaperTokens.Of(docs.Papers[d]))).ToArray();
    }
}

/// <summary>
/// Logistic regression per topic (the generator's FISTA solver) over this probe's TF-IDF vectors, fitted
/// once. With <paramref name="namespaced"/>, title terms are features of their own instead of abstract
/// terms counted three times.
/// </summary>
internal sealed class TfIdfLogistic(bool namespaced, double l2 = 1e-4, double l1 = 2e-4) : ILearner
{
    public string Name => namespaced ? $"LR, title terms as own namespace (l2={l2}, l1={l1})" : $"LR, probe's TF-IDF (l2={l2}, l1={l1})";

    public double[][] Run(Documents docs, IReadOnlyList<int> train, IReadOnlyList<string> slugs, bool[][] labels, IReadOnlyList<int> predict)
    {
        var counts = namespaced ? docs.Namespaced : docs.Mixed;
        var features = new Features(counts, train);
        var x = train.Select(d => features.Vector(counts[d], Weighting.TfIdf)).ToList();
        var fits = new LogisticRegression.Fit[slugs.Count];
        Parallel.For(0, slugs.Count, t => fits[t] = LogisticRegression.Train(x, features.Count, labels[t], l2, l1, 2, 300));
        return predict.Select(d =>
        {
            var v = features.Vector(counts[d], Weighting.TfIdf);
            return fits.Select(f => LogisticRegression.Sigmoid(Linear.Dot(f.Weights, f.Bias, v))).ToArray();
        }).ToArray();
    }
}

internal static class Linear
{
    public static double Dot(double[] w, double b, TermVector v)
    {
        var z = b;
        for (var e = 0; e < v.Terms.Length; e++) z += w[v.Terms[e]] * v.Values[e];
        return z;
    }

    /// <summary>Each entry of <paramref name="v"/> times its term's factor.</summary>
    public static TermVector Scale(TermVector v, double[] factor) =>
        new(v.Terms, v.Values.Select((x, e) => x * factor[v.Terms[e]]).ToArray());
}
