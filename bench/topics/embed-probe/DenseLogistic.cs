namespace EmbedProbe;

/// <summary>
/// One topic's L2 logistic regression over dense features (the embedding, standardised), fitted by FISTA:
/// a fixed number of steps, papers in order, one thread per fit: the same data give the same weights.
/// </summary>
internal static class DenseLogistic
{
    internal sealed record Fit(double[] Weights, double Bias)
    {
        public double Probability(double[] x)
        {
            var z = Bias;
            for (var j = 0; j < x.Length; j++) z += Weights[j] * x[j];
            return Sigmoid(z);
        }
    }

    public static Fit Train(double[][] x, bool[] labels, double lambda, double positiveWeight, int steps, double lipschitzOfData)
    {
        int n = x.Length, d = x[0].Length;
        var w = new double[d];
        var previous = new double[d];
        var look = new double[d];
        var gradient = new double[d];
        double b = 0, previousB = 0;
        var step = 1 / (0.25 * Math.Max(1, positiveWeight) * 1.1 * lipschitzOfData + lambda);
        for (var k = 1; k <= steps; k++)
        {
            var momentum = (k - 1) / (k + 2.0);
            for (var j = 0; j < d; j++) look[j] = w[j] + momentum * (w[j] - previous[j]);
            var lookB = b + momentum * (b - previousB);
            Array.Clear(gradient);
            var gradientB = 0.0;
            for (var i = 0; i < n; i++)
            {
                var row = x[i];
                var z = lookB;
                for (var j = 0; j < d; j++) z += look[j] * row[j];
                var g = (labels[i] ? positiveWeight : 1) * (Sigmoid(z) - (labels[i] ? 1 : 0)) / n;
                for (var j = 0; j < d; j++) gradient[j] += g * row[j];
                gradientB += g;
            }
            Array.Copy(w, previous, d);
            previousB = b;
            for (var j = 0; j < d; j++) w[j] = look[j] - step * (gradient[j] + lambda * look[j]);
            b = lookB - step * gradientB;
        }
        return new Fit(w, b);
    }

    /// <summary>The largest eigenvalue of XᵀX/n with a constant column (power iteration): sets the step.</summary>
    public static double LargestEigenvalue(double[][] x)
    {
        int n = x.Length, d = x[0].Length;
        var v = Enumerable.Repeat(1 / Math.Sqrt(d + 1), d + 1).ToArray();
        var eigenvalue = 1.0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var next = new double[d + 1];
            for (var i = 0; i < n; i++)
            {
                var dot = v[d];
                for (var j = 0; j < d; j++) dot += v[j] * x[i][j];
                for (var j = 0; j < d; j++) next[j] += dot * x[i][j] / n;
                next[d] += dot / n;
            }
            eigenvalue = Math.Sqrt(next.Sum(e => e * e));
            for (var j = 0; j <= d; j++) v[j] = next[j] / eigenvalue;
        }
        return eigenvalue;
    }

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
