using PaperTrail.Content;

namespace PaperTrail.Topics;

/// <summary>A paper and the topics a person gave it: what the model learns from.</summary>
internal sealed record LabelledPaper(Paper Paper, IReadOnlyList<string> Topics);

/// <summary>The choices of <c>topics train</c>; the defaults are what cross-validation on the labelled set chose.</summary>
internal sealed record TrainingSettings
{
    /// <summary>A term must occur in this many training papers to be learned from.</summary>
    public int MinDocumentFrequency { get; init; } = 3;

    /// <summary>The L2 penalty: larger trusts single words less.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>The L1 penalty: larger keeps fewer terms (a smaller file).</summary>
    public double L1 { get; init; } = 2e-4;

    /// <summary>How much a paper with the topic counts against one without.</summary>
    public double PositiveWeight { get; init; } = 2;

    /// <summary>Gradient steps per topic.</summary>
    public int Steps { get; init; } = 300;

    /// <summary>A topic with fewer labelled papers is left to the rules.</summary>
    public int MinPositives { get; init; } = 15;

    /// <summary>
    /// Let the model only add topics to the rules' (each topic decided by the rules or by either), never
    /// take one away: safer when the archive's papers drift away from the labelled ones.
    /// </summary>
    public bool KeepRuleTopics { get; init; }

    /// <summary>Folds of the cross-validation that chooses each topic's threshold and decision.</summary>
    public int Folds { get; init; } = 5;
}

/// <summary>
/// Trains the topic model (<c>generator topics train</c>): one logistic regression per topic that has
/// at least <see cref="TrainingSettings.MinPositives"/> labelled papers, over the papers' term vectors;
/// then, for each topic, the threshold and the way it joins the rules (<see cref="TopicDecision"/>)
/// that give the best F1 on out-of-fold predictions (k-fold cross-validation on the labels given,
/// nothing else). Deterministic: the same labels give the same model, and so the same file.
/// </summary>
internal static class TopicModelTrainer
{
    private static readonly double[] Thresholds = Enumerable.Range(2, 37).Select(i => i * 0.025).ToArray(); // 0.05 … 0.95

    public static TopicModel Train(Taxonomy taxonomy, IReadOnlyList<LabelledPaper> papers, TrainingSettings settings)
    {
        var slugs = Trainable(taxonomy, papers, settings);
        var ruled = RuleTopics(taxonomy, papers);
        var outOfFold = OutOfFold(taxonomy, slugs, papers, settings);
        var decisions = Choose(slugs, papers, ruled, outOfFold, Enumerable.Range(0, papers.Count).ToList(), Allowed(settings));
        var (vocabulary, fits) = Fit(taxonomy, slugs, papers, settings);
        return Assemble(vocabulary, slugs, fits, decisions, papers.Count);
    }

    /// <summary>
    /// An honest estimate of the combination on the labels given: each fold is predicted by a model
    /// trained without it, with thresholds and decisions chosen on the other folds' predictions.
    /// Also the model alone (each topic's threshold chosen the same way, the rules ignored) and the
    /// rules alone, for comparison.
    /// </summary>
    public static (IReadOnlyList<IReadOnlyList<string>> Combined, IReadOnlyList<IReadOnlyList<string>> ModelAlone, IReadOnlyList<IReadOnlyList<string>> Rules)
        CrossValidate(Taxonomy taxonomy, IReadOnlyList<LabelledPaper> papers, TrainingSettings settings)
    {
        var slugs = Trainable(taxonomy, papers, settings);
        var ruled = RuleTopics(taxonomy, papers);
        var outOfFold = OutOfFold(taxonomy, slugs, papers, settings);
        var combined = new IReadOnlyList<string>[papers.Count];
        var alone = new IReadOnlyList<string>[papers.Count];
        var empty = new TermVocabulary([], []);
        for (var fold = 0; fold < settings.Folds; fold++)
        {
            var others = Enumerable.Range(0, papers.Count).Where(i => i % settings.Folds != fold).ToList();
            var both = Classifier(Choose(slugs, papers, ruled, outOfFold, others, Allowed(settings)));
            var modelAlone = Classifier(Choose(slugs, papers, ruled, outOfFold, others, [TopicDecision.Model]));
            for (var i = fold; i < papers.Count; i += settings.Folds)
            {
                combined[i] = both.Combine(ruled[i], outOfFold[i]);
                alone[i] = modelAlone.Combine([], outOfFold[i]);
            }
        }
        return (combined, alone, ruled);

        // A classifier of decisions and thresholds alone: it is only ever given probabilities.
        ModelAndRulesClassifier Classifier(List<(double Threshold, TopicDecision Decision)> decisions) =>
            new(taxonomy, new RuleClassifier(taxonomy), new TopicModel(empty,
                slugs.Select((s, t) => new TopicWeights(s, 0, decisions[t].Threshold, decisions[t].Decision, new Dictionary<int, double>())).ToList(), 0));
    }

    private static TopicDecision[] Allowed(TrainingSettings settings) =>
        settings.KeepRuleTopics ? [TopicDecision.Either] : [TopicDecision.Model, TopicDecision.Either, TopicDecision.Both];

    /// <summary>The topics the model learns: those of the taxonomy (not the fallback) with enough labelled papers.</summary>
    private static List<string> Trainable(Taxonomy taxonomy, IReadOnlyList<LabelledPaper> papers, TrainingSettings settings) =>
        taxonomy.Topics.Select(t => t.Slug)
            .Where(s => s != taxonomy.FallbackSlug && papers.Count(p => p.Topics.Contains(s)) >= settings.MinPositives)
            .ToList();

    private static List<IReadOnlyList<string>> RuleTopics(Taxonomy taxonomy, IReadOnlyList<LabelledPaper> papers)
    {
        var rules = new RuleClassifier(taxonomy);
        return papers.Select(p => rules.Classify(p.Paper)).ToList();
    }

    /// <summary>Each paper's probabilities from a model trained on the other folds.</summary>
    private static double[][] OutOfFold(Taxonomy taxonomy, List<string> slugs, IReadOnlyList<LabelledPaper> papers, TrainingSettings settings)
    {
        var result = new double[papers.Count][];
        for (var fold = 0; fold < settings.Folds; fold++)
        {
            var train = papers.Where((_, i) => i % settings.Folds != fold).ToList();
            var (vocabulary, fits) = Fit(taxonomy, slugs, train, settings);
            var model = Assemble(vocabulary, slugs, fits, slugs.Select(_ => (0.5, TopicDecision.Model)).ToList(), train.Count);
            for (var i = fold; i < papers.Count; i += settings.Folds) result[i] = model.Probabilities(PaperTokens.Of(papers[i].Paper));
        }
        return result;
    }

    /// <summary>Per topic, the decision and threshold with the best F1 over these papers' out-of-fold predictions.</summary>
    private static List<(double Threshold, TopicDecision Decision)> Choose(List<string> slugs, IReadOnlyList<LabelledPaper> papers,
        List<IReadOnlyList<string>> ruled, double[][] outOfFold, List<int> among, TopicDecision[] allowed)
    {
        var chosen = new List<(double, TopicDecision)>();
        for (var t = 0; t < slugs.Count; t++)
        {
            var slug = slugs[t];
            // The rules alone unless the model does better (for the model alone, the rules are no choice).
            var best = allowed.SequenceEqual([TopicDecision.Model]) ? (F1: -1.0, Threshold: 0.5, Decision: TopicDecision.Model)
                : (F1: F1(among.Select(i => (papers[i].Topics.Contains(slug), ruled[i].Contains(slug)))), Threshold: 0.5, Decision: TopicDecision.Rules);
            foreach (var decision in allowed)
                foreach (var threshold in Thresholds)
                {
                    var f1 = F1(among.Select(i =>
                    {
                        var model = outOfFold[i][t] >= threshold;
                        var rule = ruled[i].Contains(slug);
                        return (papers[i].Topics.Contains(slug), decision switch
                        {
                            TopicDecision.Model => model,
                            TopicDecision.Either => model || rule,
                            _ => model && rule,
                        });
                    }));
                    if (f1 > best.F1 + 1e-9) best = (f1, threshold, decision);
                }
            chosen.Add((best.Threshold, best.Decision));
        }
        return chosen;
    }

    private static double F1(IEnumerable<(bool Gold, bool Given)> pairs)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (gold, given) in pairs)
        {
            if (gold && given) tp++;
            else if (given) fp++;
            else if (gold) fn++;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    }

    /// <summary>
    /// The vocabulary and a fit per topic. Twice: the first fit's L1 penalty leaves most terms with no
    /// weight in any topic; the second fits again over only the terms that kept one, so that a paper's
    /// vector is made (and scaled) over exactly the terms the model file lists.
    /// </summary>
    private static (TermVocabulary, LogisticRegression.Fit[]) Fit(Taxonomy taxonomy, List<string> slugs, IReadOnlyList<LabelledPaper> papers, TrainingSettings settings)
    {
        var tokens = papers.Select(p => PaperTokens.Of(p.Paper)).ToList();
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paper in tokens)
            foreach (var term in TermVocabulary.TermsOf(paper))
                frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
        var all = frequencies.Where(f => f.Value >= settings.MinDocumentFrequency).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        var first = Vocabulary(all, frequencies, papers.Count);
        var fits = FitAll(first, slugs, papers, tokens, settings);
        var kept = all.Where((_, j) => fits.Any(f => Math.Round(f.Weights[j], 4) != 0)).ToList();
        var second = Vocabulary(kept, frequencies, papers.Count);
        return (second, FitAll(second, slugs, papers, tokens, settings));
    }

    private static TermVocabulary Vocabulary(List<string> terms, Dictionary<string, int> frequencies, int papers) =>
        new(terms, terms.Select(t => Math.Round(Math.Log((1.0 + papers) / (1.0 + frequencies[t])) + 1, 4)).ToList());

    private static LogisticRegression.Fit[] FitAll(TermVocabulary vocabulary, List<string> slugs, IReadOnlyList<LabelledPaper> papers, List<PaperTokens> tokens, TrainingSettings settings)
    {
        var vectors = tokens.Select(vocabulary.Vector).ToList();
        var fits = new LogisticRegression.Fit[slugs.Count];
        // Each topic alone on its own thread: no sum is ever split between threads.
        Parallel.For(0, slugs.Count, t =>
            fits[t] = LogisticRegression.Train(vectors, vocabulary.Count, papers.Select(p => p.Topics.Contains(slugs[t])).ToList(),
                settings.L2, settings.L1, settings.PositiveWeight, settings.Steps));
        return fits;
    }

    /// <summary>The model as its file holds it: every number rounded as it is written, so the file and the model trained agree exactly.</summary>
    private static TopicModel Assemble(TermVocabulary vocabulary, List<string> slugs, LogisticRegression.Fit[] fits,
        IReadOnlyList<(double Threshold, TopicDecision Decision)> decisions, int trainedOn)
    {
        var topics = slugs.Select((slug, t) => new TopicWeights(slug, Math.Round(fits[t].Bias, 4), Math.Round(decisions[t].Threshold, 3), decisions[t].Decision,
            Enumerable.Range(0, vocabulary.Count).Select(j => (j, w: Math.Round(fits[t].Weights[j], 4))).Where(x => x.w != 0).ToDictionary(x => x.j, x => x.w))).ToList();
        return new TopicModel(vocabulary, topics, trainedOn);
    }
}
