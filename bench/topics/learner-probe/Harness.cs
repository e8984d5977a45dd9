using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using PaperTrail.Content;
using PaperTrail.Topics;

namespace LearnerProbe;

/// <summary>One learner's figures: out-of-fold probabilities, and what cross-validation makes of them.</summary>
internal sealed record Outcome(ILearner Learner, double[][] OutOfFold, EvaluationResult Combined, EvaluationResult Alone, double Seconds);

/// <summary>
/// Scores learners exactly as <c>topics train --cross-validate</c> does, on train.jsonl + train-more.jsonl:
/// paper i in fold i mod 5; out-of-fold probabilities from models trained on the other four folds; for each
/// fold, every topic's threshold and decision (rules, model, either, both) chosen on the other folds'
/// out-of-fold probabilities by the generator's own Choose, then joined with the rules by the generator's
/// own ModelAndRulesClassifier.Combine and scored by ClassifierEvaluation.Score. The test split is only
/// read by <see cref="Test"/>.
/// </summary>
internal sealed class Harness
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Static;
    private const int Folds = 5;
    private static readonly TopicDecision[] WithRules = [TopicDecision.Model, TopicDecision.Either, TopicDecision.Both];
    private readonly Documents _docs;
    private readonly List<IReadOnlyList<string>> _ruled;
    private readonly bool[][] _labels;

    public List<string> Slugs { get; }

    public Harness(Documents docs)
    {
        _docs = docs;
        Slugs = (List<string>)typeof(TopicModelTrainer).GetMethod("Trainable", Private)!.Invoke(null, [docs.Taxonomy, docs.Train, new TrainingSettings()])!;
        var rules = new RuleClassifier(docs.Taxonomy);
        _ruled = docs.Train.Select(p => rules.Classify(p.Paper)).ToList();
        _labels = Slugs.Select(s => docs.Train.Select(p => p.Topics.Contains(s)).ToArray()).ToArray();
    }

    public Outcome CrossValidate(ILearner learner)
    {
        var n = _docs.Train.Count;
        var oof = new double[n][];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var fold = 0; fold < Folds; fold++)
        {
            var rows = Enumerable.Range(0, n).Where(i => i % Folds != fold).ToList();
            var held = Enumerable.Range(0, n).Where(i => i % Folds == fold).ToList();
            var p = learner.Run(_docs, rows, Slugs, _labels.Select(l => rows.Select(i => l[i]).ToArray()).ToArray(), held);
            for (var h = 0; h < held.Count; h++) oof[held[h]] = p[h];
        }
        var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new Outcome(learner, oof, Score(oof, WithRules), Score(oof, [TopicDecision.Model]), seconds);
    }

    /// <summary>An outcome from out-of-fold probabilities already made (an ensemble of two measured learners).</summary>
    public Outcome FromOutOfFold(ILearner learner, double[][] oof, double seconds) =>
        new(learner, oof, Score(oof, WithRules), Score(oof, [TopicDecision.Model]), seconds);

    private EvaluationResult Score(double[][] oof, TopicDecision[] allowed)
    {
        var n = _docs.Train.Count;
        var predicted = new IReadOnlyList<string>[n];
        for (var fold = 0; fold < Folds; fold++)
        {
            var others = Enumerable.Range(0, n).Where(i => i % Folds != fold).ToList();
            var classifier = Classifier(Choose(oof, others, allowed));
            for (var i = fold; i < n; i += Folds) predicted[i] = classifier.Combine(allowed.Length == 1 ? [] : _ruled[i], oof[i]);
        }
        return ClassifierEvaluation.Score(_docs.Taxonomy, _docs.Train.Select((p, i) => (p.Paper.Title, p.Topics, predicted[i])));
    }

    /// <summary>
    /// The test split, once: the learner trained on all of train + train-more, thresholds and decisions
    /// chosen on all its out-of-fold probabilities, joined with the rules as a build joins them.
    /// </summary>
    public (EvaluationResult Combined, EvaluationResult Alone) Test(Outcome outcome)
    {
        var all = Enumerable.Range(0, _docs.Train.Count).ToList();
        var test = Enumerable.Range(_docs.TestStart, _docs.Test.Count).ToList();
        var p = outcome.Learner.Run(_docs, all, Slugs, _labels, test);
        var rules = new RuleClassifier(_docs.Taxonomy);
        EvaluationResult With(TopicDecision[] allowed)
        {
            var classifier = Classifier(Choose(outcome.OutOfFold, all, allowed));
            return ClassifierEvaluation.Score(_docs.Taxonomy, _docs.Test.Select((l, i) =>
                (l.Paper.Title, l.Topics, classifier.Combine(allowed.Length == 1 ? [] : rules.Classify(l.Paper), p[i]))));
        }
        return (With(WithRules), With([TopicDecision.Model]));
    }

    public string RulesAlone()
    {
        var cv = ClassifierEvaluation.Score(_docs.Taxonomy, _docs.Train.Select((p, i) => (p.Paper.Title, p.Topics, _ruled[i])));
        return Row("rules alone (topics.yml)", cv, cv, 0);
    }

    public static string Header =>
        "method | CV micro-F1 (+rules) | CV micro-F1 (model alone) | CV macro-F1 (+rules) | computer-vision P / R | efficient-ml P / R | CPU s (5 folds)";

    public static string Row(string name, EvaluationResult combined, EvaluationResult alone, double seconds)
    {
        string Pr(string slug) => combined.PerTopic.FirstOrDefault(t => t.Slug == slug) is { } c ? F(c.Precision) + " / " + F(c.Recall) : "-";
        return $"{name} | {F(combined.F1)} | {F(alone.F1)} | {F(combined.MacroF1)} | {Pr("computer-vision")} | {Pr("efficient-ml")} | {seconds.ToString("0", CultureInfo.InvariantCulture)}";
    }

    public static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private List<(double Threshold, TopicDecision Decision)> Choose(double[][] oof, List<int> among, TopicDecision[] allowed) =>
        (List<(double, TopicDecision)>)typeof(TopicModelTrainer).GetMethod("Choose", Private)!
            .Invoke(null, [Slugs, _docs.Train, _ruled, oof, among, allowed])!;

    // As the generator's cross-validation does: a classifier of thresholds and decisions alone, given probabilities.
    private ModelAndRulesClassifier Classifier(List<(double Threshold, TopicDecision Decision)> decisions) =>
        new(_docs.Taxonomy, new RuleClassifier(_docs.Taxonomy), new TopicModel(new TermVocabulary([], []),
            Slugs.Select((s, t) => new TopicWeights(s, 0, decisions[t].Threshold, decisions[t].Decision, new Dictionary<int, double>())).ToList(), 0));
}
