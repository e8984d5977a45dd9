using System.Globalization;

namespace EmbedProbe;

/// <summary>Which variants <c>evaluate</c> measures (defaults: the first sweep's grid).</summary>
internal sealed record ExperimentPlan
{
    public double[] L2 { get; init; } = [3e-4, 1e-3, 3e-3, 1e-2, 3e-2];
    public double[] Average { get; init; } = [0.3, 0.5, 0.7];
    public double[] Stack { get; init; } = [1e-3, 3e-3, 1e-2];
    public bool[] More { get; init; } = [false, true];
    public double PositiveWeight { get; init; } = 2;
    public string Store { get; init; } = "float32";
    public int Knn { get; init; }
    public int Steps { get; init; } = 400;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"l2={string.Join(',', L2)} avg={string.Join(',', Average)} stack={string.Join(',', Stack)} knn={Knn} more={string.Join(',', More.Select(m => m ? 1 : 0))} pw={PositiveWeight} steps={Steps} store={Store}");

    public static ExperimentPlan Parse(IEnumerable<string> options)
    {
        var plan = new ExperimentPlan();
        foreach (var option in options)
        {
            var (key, value) = (option.Split('=')[0], option.Split('=')[1]);
            double[] Numbers() => value == "none" ? [] : value.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            plan = key switch
            {
                "l2" => plan with { L2 = Numbers() },
                "avg" => plan with { Average = Numbers() },
                "stack" => plan with { Stack = Numbers() },
                "more" => plan with { More = value.Split(',').Select(v => v == "1").ToArray() },
                "pw" => plan with { PositiveWeight = double.Parse(value, CultureInfo.InvariantCulture) },
                "store" => plan with { Store = value },
                "knn" => plan with { Knn = int.Parse(value, CultureInfo.InvariantCulture) },
                "steps" => plan with { Steps = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {option}"),
            };
        }
        return plan;
    }
}
