namespace PaperTrail.Topics;

/// <summary>
/// Fits a logistic regression (one topic against the rest) by accelerated proximal gradient descent
/// (FISTA): mean log-loss, positives weighted, plus L2 and L1 penalties on the weights (not the bias).
/// Deterministic by construction: a fixed number of steps, papers and terms always visited in the
/// same order, every sum made by one thread; topics are fitted in parallel, but each alone.
/// </summary>
internal static class LogisticRegression
{
    /// <summary>A fitted topic: a weight per term (dense, over the vocabulary) and a bias.</summary>
    internal sealed record Fit(double[] Weights, double Bias);

    /// <param name="vectors">The papers, each of length one.</param>
    /// <param name="terms">The vocabulary's size.</param>
    /// <param name="labels">Per paper, whether it has the topic.</param>
    /// <param name="lambda">The L2 penalty.</param>
    /// <param name="positiveWeight">How much a paper with the topic counts against one without: rare topics need more than 1.</param>
    /// <param name="l1">An L1 penalty: most weights end at exactly zero, which keeps the model file small.</param>
    public static Fit Train(IReadOnlyList<TermVector> vectors, int terms, IReadOnlyList<bool> labels, double lambda, double l1, double positiveWeight, int steps)
    {
        var n = vectors.Count;
        var w = new double[terms];
        var previous = new double[terms];
        var look = new double[terms];
        var gradient = new double[terms];
        double b = 0, previousB = 0;
        // The step is 1/L, L the gradient's Lipschitz constant: a quarter of the largest eigenvalue of
        // the papers' Gram matrix (with the bias's constant feature), times the largest paper weight.
        // (Power iteration approaches the eigenvalue from below: a tenth more keeps the step safe.)
        var lipschitz = 0.25 * Math.Max(1, positiveWeight) * 1.1 * LargestEigenvalue(vectors, terms) + lambda;
        var step = 1 / lipschitz;
        for (var k = 1; k <= steps; k++)
        {
            var momentum = (k - 1) / (k + 2.0);
            for (var j = 0; j < terms; j++) look[j] = w[j] + momentum * (w[j] - previous[j]);
            var lookB = b + momentum * (b - previousB);
            Array.Clear(gradient);
            var gradientB = 0.0;
            for (var i = 0; i < n; i++)
            {
                var (idx, val) = (vectors[i].Terms, vectors[i].Values);
                var z = lookB;
                for (var e = 0; e < idx.Length; e++) z += look[idx[e]] * val[e];
                var weight = labels[i] ? positiveWeight : 1;
                var g = weight * (Sigmoid(z) - (labels[i] ? 1 : 0)) / n;
                for (var e = 0; e < idx.Length; e++) gradient[idx[e]] += g * val[e];
                gradientB += g;
            }
            Array.Copy(w, previous, terms);
            previousB = b;
            // A gradient step, then the L1 penalty's proximal step (soft thresholding): FISTA.
            var shrink = step * l1;
            for (var j = 0; j < terms; j++)
            {
                var x = look[j] - step * (gradient[j] + lambda * look[j]);
                w[j] = x > shrink ? x - shrink : x < -shrink ? x + shrink : 0;
            }
            b = lookB - step * gradientB;
        }
        return new Fit(w, b);
    }

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>The largest eigenvalue of XᵀX/n, X the papers with a constant 1 appended, by power iteration.</summary>
    private static double LargestEigenvalue(IReadOnlyList<TermVector> vectors, int terms)
    {
        var n = vectors.Count;
        var v = new double[terms + 1];
        Array.Fill(v, 1 / Math.Sqrt(terms + 1));
        var eigenvalue = 1.0;
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var next = new double[terms + 1];
            for (var i = 0; i < n; i++)
            {
                var (idx, val) = (vectors[i].Terms, vectors[i].Values);
                var dot = v[terms];
                for (var e = 0; e < idx.Length; e++) dot += v[idx[e]] * val[e];
                for (var e = 0; e < idx.Length; e++) next[idx[e]] += dot * val[e] / n;
                next[terms] += dot / n;
            }
            var norm = Math.Sqrt(next.Sum(x => x * x));
            if (norm == 0) return 1;
            eigenvalue = norm;
            for (var j = 0; j <= terms; j++) v[j] = next[j] / norm;
        }
        return eigenvalue;
    }
}
