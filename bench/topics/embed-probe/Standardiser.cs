namespace EmbedProbe;

/// <summary>Scales each feature to mean 0 and variance 1 over the papers a model is fitted on.</summary>
internal sealed record Standardiser(double[] Mean, double[] Scale)
{
    public static Standardiser Of(double[][] x)
    {
        var d = x[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        foreach (var row in x)
            for (var j = 0; j < d; j++) mean[j] += row[j] / x.Length;
        foreach (var row in x)
            for (var j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.Length;
        for (var j = 0; j < d; j++) scale[j] = scale[j] > 0 ? 1 / Math.Sqrt(scale[j]) : 0;
        return new Standardiser(mean, scale);
    }

    public double[] Apply(double[] v) => v.Select((x, j) => (x - Mean[j]) * Scale[j]).ToArray();
}
