using PaperTrail.Topics;

namespace LearnerProbe;

/// <summary>
/// NB-SVM (Wang and Manning 2012), logistic-regression form: binary unigram+bigram features, each scaled
/// per topic by its naive-Bayes log-count ratio r = log((p/|p|₁)/(q/|q|₁)), p and q the features summed over
/// the topic's papers and the others (plus α); then a logistic regression per topic on the scaled features
/// (the generator's FISTA solver, L2 only by default, positives weighted 2).
/// </summary>
internal sealed class NbSvm(double l2 = 1e-4, double l1 = 0, double alpha = 1, bool namespaced = false) : ILearner
{
    public string Name => $"NB-SVM (LR on NB-scaled binary{(namespaced ? ", title namespace" : "")}, l2={l2}, l1={l1}, α={alpha})";

    public double[][] Run(Documents docs, IReadOnlyList<int> train, IReadOnlyList<string> slugs, bool[][] labels, IReadOnlyList<int> predict)
    {
        var counts = namespaced ? docs.Namespaced : docs.Mixed;
        var features = new Features(counts, train);
        var x = train.Select(d => features.Vector(counts[d], Weighting.Binary)).ToList();
        var px = predict.Select(d => features.Vector(counts[d], Weighting.Binary)).ToList();
        var result = predict.Select(_ => new double[slugs.Count]).ToArray();
        Parallel.For(0, slugs.Count, t =>
        {
            var p = Enumerable.Repeat(alpha, features.Count).ToArray();
            var q = Enumerable.Repeat(alpha, features.Count).ToArray();
            for (var k = 0; k < x.Count; k++)
            {
                var into = labels[t][k] ? p : q;
                foreach (var j in x[k].Terms) into[j] += 1; // presence, not the normalised value
            }
            double ps = p.Sum(), qs = q.Sum();
            var r = p.Select((v, j) => Math.Log(v / ps) - Math.Log(q[j] / qs)).ToArray();
            var scaled = x.Select(v => Linear.Scale(v, r)).ToList();
            var fit = LogisticRegression.Train(scaled, features.Count, labels[t], l2, l1, 2, 300);
            for (var i = 0; i < px.Count; i++) result[i][t] = LogisticRegression.Sigmoid(Linear.Dot(fit.Weights, fit.Bias, Linear.Scale(px[i], r)));
        });
        return result;
    }
}
