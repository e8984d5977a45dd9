using System.Globalization;
using System.Reflection;
using PaperTrail.Content;
using PaperTrail.Topics;

namespace EmbedProbe;

/// <summary>
/// Every variant's micro-F1: TF-IDF (today's model), the embedding alone, the two averaged, and the
/// embedding with the TF-IDF probability as an extra feature; each alone and joined with the rules as
/// the generator joins them (per topic rules, model, either or both, with a threshold: chosen on
/// out-of-fold predictions of the training split, never on the test split).
/// </summary>
internal static class Experiments
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Static;
    private static readonly TrainingSettings Settings = new();
    private static readonly TopicDecision[] WithRules = [TopicDecision.Model, TopicDecision.Either, TopicDecision.Both];

    private sealed record Context(Taxonomy Taxonomy, LabelledSets Sets, List<string> Slugs, List<IReadOnlyList<string>> Ruled,
        List<List<IReadOnlyList<string>>> EvalRuled);

    public static void Run(LabelledSets sets, Dictionary<string, float[]> stored, ExperimentPlan plan)
    {
        // The vectors as they would come back from front matter (float16 or int8), or as encoded.
        var vectors = stored.ToDictionary(kv => kv.Key, kv => plan.Store switch
        {
            "half" => VectorCache.ThroughHalf(kv.Value),
            "int8" => VectorCache.ThroughInt8(kv.Value),
            _ => kv.Value,
        }, StringComparer.Ordinal);
        var steps = plan.Steps;
        Console.WriteLine($"plan: {plan}");
        var taxonomy = sets.Taxonomy;
        var train = sets.Train;
        var slugs = (List<string>)typeof(TopicModelTrainer).GetMethod("Trainable", Private)!.Invoke(null, [taxonomy, train, Settings])!;
        var rules = new RuleClassifier(taxonomy);
        var context = new Context(taxonomy, sets, slugs, train.Select(p => rules.Classify(p.Paper)).ToList(),
            sets.Evaluation.Select(e => e.Papers.Select(p => rules.Classify(p.Paper)).ToList()).ToList());
        Console.WriteLine($"{slugs.Count} topics learned: {string.Join(' ', slugs)}");

        // TF-IDF: out-of-fold probabilities as the generator makes them; the shipped model for every other paper.
        var tfidfOof = (double[][])typeof(TopicModelTrainer).GetMethod("OutOfFold", Private)!.Invoke(null, [taxonomy, slugs, train, Settings])!;
        var problems = new List<ContentProblem>();
        var shipped = TopicModelFile.Load(Path.Combine(Directory.GetCurrentDirectory(), "content"), problems)!;
        var order = slugs.Select(s => shipped.Topics.ToList().FindIndex(t => t.Slug == s)).ToArray();
        double[] Shipped(Paper p)
        {
            var all = shipped.Probabilities(PaperTokens.Of(p));
            return order.Select(t => all[t]).ToArray();
        }
        // Today's model file should hold the thresholds and decisions the same choice makes here.
        var chosen = Choose(context, tfidfOof, Enumerable.Range(0, train.Count).ToList(), WithRules);
        var differ = slugs.Select((s, t) => (s, mine: chosen[t], file: shipped.Topics[order[t]]))
            .Where(x => Math.Abs(x.mine.Threshold - x.file.Threshold) > 1e-9 || x.mine.Decision != x.file.Decision)
            .Select(x => $"{x.s} {x.mine.Threshold}/{x.mine.Decision} (file {x.file.Threshold}/{x.file.Decision})").ToList();
        Console.WriteLine($"thresholds and decisions differing from content/topics-model.txt: {(differ.Count == 0 ? "none" : string.Join("; ", differ))}");
        var tfidfMore = sets.More.Select(p => Shipped(p.Paper)).ToArray();
        var tfidfEval = sets.Evaluation.Select(e => e.Papers.Select(p => Shipped(p.Paper)).ToArray()).ToArray();

        Console.WriteLine();
        Console.WriteLine("variant                                   cv     cv+r   test   test+r seed   seed+r llm    llm+r");
        Report(context, "tfidf (today's model)", tfidfOof, tfidfEval);

        double[] Embedding(Paper p) => vectors[VectorCache.Key(p)].Select(x => (double)x).ToArray();
        var embTrain = train.Select(p => Embedding(p.Paper)).ToArray();
        var embMore = sets.More.Select(p => Embedding(p.Paper)).ToArray();
        var embEval = sets.Evaluation.Select(e => e.Papers.Select(p => Embedding(p.Paper)).ToArray()).ToArray();

        // The TF-IDF probability as a feature: its log-odds, out-of-fold for the training split.
        static double[] Stack(double[] e, double[] p) => [.. e, .. p.Select(x => Math.Log(Math.Clamp(x, 1e-6, 1 - 1e-6) / (1 - Math.Clamp(x, 1e-6, 1 - 1e-6))))];
        var stackTrain = embTrain.Select((e, i) => Stack(e, tfidfOof[i])).ToArray();
        var stackMore = embMore.Select((e, i) => Stack(e, tfidfMore[i])).ToArray();
        var stackEval = embEval.Select((set, s) => set.Select((e, i) => Stack(e, tfidfEval[s][i])).ToArray()).ToArray();

        if (plan.Knn > 0) Report(context, $"knn k={plan.Knn} (cosine)", Knn(embTrain, train, context, plan.Knn), Knn(embTrain, train, context, plan.Knn, embEval));
        foreach (var withMore in plan.More)
        {
            var more = withMore ? sets.More : [];
            var tag = withMore ? "+500" : "";
            foreach (var lambda in plan.L2)
            {
                var (oof, eval) = Fit(context, embTrain, withMore ? embMore : [], more, embEval, lambda, plan.PositiveWeight, steps);
                Report(context, $"emb{tag} l2={lambda}", oof, eval);
                foreach (var a in plan.Average)
                    Report(context, $"  avg{tag} l2={lambda} a={a}", Average(oof, tfidfOof, a), eval.Select((set, s) => Average(set, tfidfEval[s], a)).ToArray());
            }
            foreach (var lambda in plan.Stack)
            {
                var (oof, eval) = Fit(context, stackTrain, withMore ? stackMore : [], more, stackEval, lambda, plan.PositiveWeight, steps);
                Report(context, $"stack{tag} l2={lambda}", oof, eval);
            }
        }
    }

    /// <summary>
    /// A check on the vectors that needs no training: a topic's probability is the similarity-weighted share
    /// of the k most cosine-similar training papers that have it (out-of-fold for the training split).
    /// </summary>
    private static double[][] Knn(double[][] train, IReadOnlyList<LabelledPaper> labels, Context context, int k) =>
        train.Select((v, i) => Neighbours(v, train, labels, context, k, j => j % Settings.Folds != i % Settings.Folds)).ToArray();

    private static double[][][] Knn(double[][] train, IReadOnlyList<LabelledPaper> labels, Context context, int k, double[][][] eval) =>
        eval.Select(set => set.Select(v => Neighbours(v, train, labels, context, k, _ => true)).ToArray()).ToArray();

    private static double[] Neighbours(double[] v, double[][] train, IReadOnlyList<LabelledPaper> labels, Context context, int k, Func<int, bool> allowed)
    {
        var nearest = Enumerable.Range(0, train.Length).Where(allowed)
            .Select(j => (j, s: v.Zip(train[j], (a, b) => a * b).Sum())).OrderByDescending(x => x.s).ThenBy(x => x.j).Take(k).ToList();
        var total = nearest.Sum(x => Math.Max(x.s, 0));
        return context.Slugs.Select(slug => nearest.Where(x => labels[x.j].Topics.Contains(slug)).Sum(x => Math.Max(x.s, 0)) / total).ToArray();
    }

    private static double[][] Average(double[][] a, double[][] b, double weight) =>
        a.Select((row, i) => row.Select((x, t) => weight * x + (1 - weight) * b[i][t]).ToArray()).ToArray();

    /// <summary>Out-of-fold probabilities for the training split (folds as the generator makes them: paper i in fold i mod 5), and the full fit's for each evaluation set.</summary>
    private static (double[][] Oof, double[][][] Eval) Fit(Context context, double[][] train, double[][] more, IReadOnlyList<LabelledPaper> moreLabels,
        double[][][] eval, double lambda, double positiveWeight, int steps)
    {
        var labels = context.Sets.Train;
        var oof = new double[train.Length][];
        for (var fold = 0; fold <= Settings.Folds; fold++)
        {
            // fold == Folds: the full fit, for the evaluation sets.
            var rows = Enumerable.Range(0, train.Length).Where(i => i % Settings.Folds != fold).ToList();
            var x = rows.Select(i => train[i]).Concat(more).ToArray();
            var gold = rows.Select(i => labels[i].Topics).Concat(moreLabels.Select(l => l.Topics)).ToArray();
            var scaler = Standardiser.Of(x);
            var xs = x.Select(scaler.Apply).ToArray();
            var eigen = DenseLogistic.LargestEigenvalue(xs);
            var fits = new DenseLogistic.Fit[context.Slugs.Count];
            Parallel.For(0, fits.Length, t => fits[t] = DenseLogistic.Train(xs, gold.Select(g => g.Contains(context.Slugs[t])).ToArray(), lambda, positiveWeight, steps, eigen));
            double[] Predict(double[] v)
            {
                var s = scaler.Apply(v);
                return fits.Select(f => f.Probability(s)).ToArray();
            }
            if (fold < Settings.Folds)
                for (var i = fold; i < train.Length; i += Settings.Folds) oof[i] = Predict(train[i]);
            else
                return (oof, eval.Select(set => set.Select(Predict).ToArray()).ToArray());
        }
        throw new InvalidOperationException("unreachable");
    }

    private static void Report(Context context, string name, double[][] oof, double[][][] eval)
    {
        var figures = new List<double> { Cv(context, oof, [TopicDecision.Model]), Cv(context, oof, WithRules) };
        for (var s = 0; s < eval.Length; s++)
        {
            figures.Add(Evaluate(context, oof, eval[s], s, [TopicDecision.Model]));
            figures.Add(Evaluate(context, oof, eval[s], s, WithRules));
        }
        Console.WriteLine($"{name,-40} {string.Join(' ', figures.Select(f => f.ToString("0.000", CultureInfo.InvariantCulture) + " "))}");
    }

    /// <summary>Micro-F1 on the training split: each fold's thresholds and decisions chosen on the other folds' out-of-fold probabilities.</summary>
    private static double Cv(Context context, double[][] oof, TopicDecision[] allowed)
    {
        var train = context.Sets.Train;
        var predicted = new IReadOnlyList<string>[train.Count];
        for (var fold = 0; fold < Settings.Folds; fold++)
        {
            var others = Enumerable.Range(0, train.Count).Where(i => i % Settings.Folds != fold).ToList();
            var classifier = Classifier(context, Choose(context, oof, others, allowed));
            for (var i = fold; i < train.Count; i += Settings.Folds)
                predicted[i] = classifier.Combine(allowed.Length == 1 ? [] : context.Ruled[i], oof[i]);
        }
        return ClassifierEvaluation.Score(context.Taxonomy, train.Select((p, i) => (p.Paper.Title, p.Topics, predicted[i]))).F1;
    }

    private static double Evaluate(Context context, double[][] oof, double[][] probabilities, int set, TopicDecision[] allowed)
    {
        var classifier = Classifier(context, Choose(context, oof, Enumerable.Range(0, oof.Length).ToList(), allowed));
        var papers = context.Sets.Evaluation[set].Papers;
        return ClassifierEvaluation.Score(context.Taxonomy, papers.Select((p, i) =>
            (p.Paper.Title, p.Topics, classifier.Combine(allowed.Length == 1 ? [] : context.EvalRuled[set][i], probabilities[i])))).F1;
    }

    private static List<(double Threshold, TopicDecision Decision)> Choose(Context context, double[][] oof, List<int> among, TopicDecision[] allowed) =>
        (List<(double, TopicDecision)>)typeof(TopicModelTrainer).GetMethod("Choose", Private)!
            .Invoke(null, [context.Slugs, context.Sets.Train, context.Ruled, oof, among, allowed])!;

    // As the generator's cross-validation does: a classifier of thresholds and decisions alone, given probabilities.
    private static ModelAndRulesClassifier Classifier(Context context, List<(double Threshold, TopicDecision Decision)> decisions) =>
        new(context.Taxonomy, new RuleClassifier(context.Taxonomy), new TopicModel(new TermVocabulary([], []),
            context.Slugs.Select((s, t) => new TopicWeights(s, 0, decisions[t].Threshold, decisions[t].Decision, new Dictionary<int, double>())).ToList(), 0));
}
