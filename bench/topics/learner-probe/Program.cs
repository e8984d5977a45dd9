// Issue 31's second probe: does another learner than the shipped TF-IDF logistic regression reach
// micro-F1 0.85? Every learner is cross-validated (5 folds) on train.jsonl + train-more.jsonl and
// joined with the rules as builds join them (see Harness); the test split is read once, at the end,
// for the best learner by CV and the baseline.
// Run from the repository root:
//   dotnet run --project bench/topics/learner-probe -c Release -- [corpus folder] [learner names… | all]
//   names: shipped lr title nbsvm nbsvm-title cnb self ensemble (default all: the whole plan, test included);
//   pairs (ensembles across families) and nbsvm-small are measured only when named
using System.Globalization;
using LearnerProbe;

var corpus = args.Length > 0 ? args[0] : "../shared/corpus/hf-daily";
var wanted = args.Skip(1).DefaultIfEmpty("all").ToHashSet(StringComparer.Ordinal);
bool Wants(string name) => wanted.Contains("all") || wanted.Contains(name);
var docs = Documents.Read(Directory.GetCurrentDirectory(), corpus);
var harness = new Harness(docs);
Console.WriteLine($"{harness.Slugs.Count} topics learned: {string.Join(' ', harness.Slugs)}");
Console.WriteLine(Harness.Header);
Console.WriteLine(harness.RulesAlone());
var outcomes = new List<Outcome>();
Outcome Measure(ILearner learner)
{
    var o = harness.CrossValidate(learner);
    outcomes.Add(o);
    Console.WriteLine(Harness.Row(learner.Name, o.Combined, o.Alone, o.Seconds));
    return o;
}

Outcome? baseline = Wants("shipped") ? Measure(new ShippedLogistic()) : null;
if (Wants("lr")) Measure(new TfIdfLogistic(namespaced: false));
if (Wants("title")) Measure(new TfIdfLogistic(namespaced: true));
if (Wants("nbsvm"))
    foreach (var l2 in new[] { 1e-4, 1e-3, 1e-2 }) Measure(new NbSvm(l2));
if (Wants("nbsvm-title")) Measure(new NbSvm(1e-3, namespaced: true));
if (Wants("cnb"))
    foreach (var alpha in new[] { 0.1, 1.0 }) Measure(new ComplementNaiveBayes(alpha));

// Candidates 1-3 ranked by CV micro-F1 of the combination (ties: first measured).
var ranked = outcomes.OrderByDescending(o => o.Combined.F1).ToList();
if (Wants("self") && ranked.Count > 0)
{
    var best = ranked[0].Learner;
    foreach (var (high, low) in new[] { (0.9, 0.02), (0.8, 0.05) })
    {
        var self = new SelfTraining(best, high, low);
        Measure(self);
        Console.WriteLine($"    ({string.Join("; ", self.Added)})");
    }
}
ranked = outcomes.OrderByDescending(o => o.Combined.F1).ToList();
if (Wants("ensemble") && ranked.Count >= 2)
{
    // The best two of different kinds (a learner and its own self-trained variant do not count as two).
    var first = ranked[0];
    var second = ranked.Skip(1).First(o => o.Learner is not SelfTraining s || !ReferenceEquals(first.Learner, s) && first.Learner is not SelfTraining);
    var oof = first.OutOfFold.Select((row, i) => row.Select((p, t) => (p + second.OutOfFold[i][t]) / 2).ToArray()).ToArray();
    var o = harness.FromOutOfFold(new Ensemble(first.Learner, second.Learner), oof, first.Seconds + second.Seconds);
    outcomes.Add(o);
    Console.WriteLine(Harness.Row(o.Learner.Name, o.Combined, o.Alone, o.Seconds));
}

// Ensembles across learner families (the automatic pair above may be two logistic regressions).
if (wanted.Contains("pairs"))
{
    foreach (var (a, b) in new (ILearner, ILearner)[]
    {
        (new TfIdfLogistic(namespaced: false), new NbSvm(1e-3)),
        (new TfIdfLogistic(namespaced: false), new ComplementNaiveBayes(0.1)),
        (new ShippedLogistic(), new NbSvm(1e-3)),
    })
        Measure(new Ensemble(a, b));
}
if (wanted.Contains("nbsvm-small")) Measure(new NbSvm(1e-5));

if (wanted.Contains("all") || wanted.Contains("test"))
{
    var best = outcomes.OrderByDescending(o => o.Combined.F1).First();
    Console.WriteLine();
    Console.WriteLine("test split (154 papers), trained on all 1,420, thresholds and decisions from all out-of-fold probabilities:");
    foreach (var o in new[] { baseline, best }.Where(o => o is not null).Distinct())
    {
        var (combined, alone) = harness.Test(o!);
        Console.WriteLine($"  {o!.Learner.Name}: micro-F1 {Harness.F(combined.F1)} (+rules), {Harness.F(alone.F1)} (model alone); macro {Harness.F(combined.MacroF1)}");
        Console.WriteLine(combined.Format("test").Split('\n').Where(l => !l.Contains('=')).Aggregate("", (a, l) => a + "    " + l + "\n").TrimEnd());
    }
}
return 0;
