using PaperTrail.Topics;

namespace LearnerProbe;

/// <summary>
/// Complement naive Bayes (Rennie et al. 2003) per topic, one against the rest: ln(1+tf)·IDF vectors of
/// length one; each class's weights are the log of the smoothed term shares of its complement,
/// normalised to unit L1; a paper's score is Σx·(ŵ(rest) − ŵ(topic)), higher meaning the topic. Naive Bayes scores are not probabilities, so each topic's score is mapped to one by a
/// sigmoid (Platt scaling) fitted on 3-fold inner out-of-fold scores of the training documents.
/// </summary>
internal sealed class ComplementNaiveBayes(double alpha = 0.3) : ILearner
{
    public string Name => $"complement NB (α={alpha}, Platt-scaled)";

    public double[][] Run(Documents docs, IReadOnlyList<int> train, IReadOnlyList<string> slugs, bool[][] labels, IReadOnlyList<int> predict)
    {
        // Inner folds: scores for every training document from a model fitted without it, to fit the sigmoid on.
        var inner = new double[train.Count][];
        for (var fold = 0; fold < 3; fold++)
        {
            var rows = Enumerable.Range(0, train.Count).Where(k => k % 3 != fold).ToList();
            var held = Enumerable.Range(0, train.Count).Where(k => k % 3 == fold).ToList();
            var scores = Scores(docs, rows.Select(k => train[k]).ToList(), labels.Select(l => rows.Select(k => l[k]).ToArray()).ToArray(), held.Select(k => train[k]).ToList());
            for (var h = 0; h < held.Count; h++) inner[held[h]] = scores[h];
        }
        var platt = Enumerable.Range(0, slugs.Count).Select(t => Platt.Fit(inner.Select(s => s[t]).ToArray(), labels[t])).ToArray();
        var final = Scores(docs, train, labels, predict);
        return final.Select(s => s.Select((v, t) => platt[t].Probability(v)).ToArray()).ToArray();
    }

    private double[][] Scores(Documents docs, IReadOnlyList<int> train, bool[][] labels, IReadOnlyList<int> predict)
    {
        var features = new Features(docs.Mixed, train);
        var x = train.Select(d => features.Vector(docs.Mixed[d], Weighting.LogTfIdf)).ToList();
        var total = new double[features.Count];
        foreach (var v in x) for (var e = 0; e < v.Terms.Length; e++) total[v.Terms[e]] += v.Values[e];
        var weights = new double[labels.Length][];
        Parallel.For(0, labels.Length, t =>
        {
            var inTopic = new double[features.Count];
            for (var k = 0; k < x.Count; k++)
                if (labels[t][k]) for (var e = 0; e < x[k].Terms.Length; e++) inTopic[x[k].Terms[e]] += x[k].Values[e];
            // The topic's class is weighed by its complement (the rest); the rest's class by the topic's papers.
            var ofTopic = Normalised(LogShares(total.Select((v, j) => v - inTopic[j]).ToArray()));
            var ofRest = Normalised(LogShares(inTopic));
            // Complement NB picks the class with the smallest Σ x·ŵ: the topic when Σx·ŵ(rest) − Σx·ŵ(topic) > 0.
            weights[t] = ofRest.Select((v, j) => v - ofTopic[j]).ToArray();
        });
        return predict.Select(d =>
        {
            var v = features.Vector(docs.Mixed[d], Weighting.LogTfIdf);
            return weights.Select(w => Linear.Dot(w, 0, v)).ToArray();
        }).ToArray();
    }

    private double[] LogShares(double[] sums)
    {
        var all = sums.Sum() + alpha * sums.Length;
        return sums.Select(s => Math.Log((Math.Max(s, 0) + alpha) / all)).ToArray();
    }

    private static double[] Normalised(double[] w)
    {
        var l1 = w.Sum(Math.Abs);
        return w.Select(v => v / l1).ToArray();
    }
}

/// <summary>A sigmoid a·s + b fitted to labels by Newton's method (Platt scaling, with Platt's smoothed targets).</summary>
internal readonly record struct Platt(double A, double B)
{
    public double Probability(double score) => LogisticRegression.Sigmoid(A * score + B);

    public static Platt Fit(double[] scores, bool[] labels)
    {
        var positives = labels.Count(l => l);
        double hi = (positives + 1.0) / (positives + 2.0), lo = 1.0 / (labels.Length - positives + 2.0);
        // Scores are tiny (weights normalised to unit L1): standardise for a well-conditioned start.
        var mean = scores.Average();
        var sd = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Length);
        if (sd == 0) sd = 1;
        double a = 0, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (var i = 0; i < scores.Length; i++)
            {
                var s = (scores[i] - mean) / sd;
                var p = LogisticRegression.Sigmoid(a * s + b);
                var g = p - (labels[i] ? hi : lo);
                var h = p * (1 - p);
                ga += g * s; gb += g; haa += h * s * s; hab += h * s; hbb += h;
            }
            var det = haa * hbb - hab * hab;
            if (Math.Abs(det) < 1e-18) break;
            var da = (hbb * ga - hab * gb) / det;
            var db = (haa * gb - hab * ga) / det;
            a -= da; b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10) break;
        }
        return new Platt(a / sd, b - a * mean / sd);
    }
}
