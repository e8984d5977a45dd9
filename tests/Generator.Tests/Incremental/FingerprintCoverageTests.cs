using System.Collections;
using System.Reflection;
using PaperTrail.Build;
using PaperTrail.Content;
using PaperTrail.Incremental;
using PaperTrail.Pipelines;
using PaperTrail.Rendering;
using PaperTrail.Site;
using PaperTrail.Tests.Support;
using PaperTrail.Topics;

namespace PaperTrail.Tests.Incremental;

/// <summary>
/// A rebuild keeps an output whose fingerprint is as recorded, so the fingerprint must cover every
/// value the output shows. It does by construction: each output is made by a static view function
/// from its input record and the shared views (what every output shares, in the build's shared hash),
/// and the fingerprint is the hash of that record. These tests hold the three legs of that: no view
/// reads anything it was not handed, the shared views hold nothing of the archive, and every member
/// of every input counts in its fingerprint. A view that gains a field must take it from its input
/// (then it is hashed) or from the shared views (then the second test fails until the shared hash covers it).
/// </summary>
public sealed class FingerprintCoverageTests : IDisposable
{
    private readonly FixtureSite _site;
    private readonly List<PlannedOutput> _plan;
    private readonly SiteModel _model;

    public FingerprintCoverageTests()
    {
        // Every kind of output: several days and months, a topic alias, a merged paper, an arXiv id, search on;
        // on GitHub Pages, where old addresses are pages (on Netlify they are rules of _redirects, made every time).
        _site = new FixtureSite("title: Fixture Archive\nbase_url: https://example.org/\ndescription: A test archive.\nlanguage: en\nhost: github-pages\n", topicsYml: FixtureSite.DefaultTopics.Replace("name: Diffusion Models", "name: Diffusion Models\n    aliases: [diffusion]"));
        _site.Paper("a", "Denoising Diffusion One", "[2026-10-30]", "A diffusion model.", extra: "topics: [diffusion-models]\nupvotes: 3\narxiv: \"2610.00001\"")
            .Paper("b", "Denoising Diffusion Two", "[2026-11-27]", "Another diffusion model.", extra: "topics: [diffusion-models]\nupvotes: 5\naliases: [b-old]")
            .Paper("c", "Policy Gradients", "[2026-11-27, 2026-11-28]", "Reinforcement learning of policies.", extra: "upvotes: 9")
            .Paper("d", "Denoising Diffusion Three", "[2026-11-28]", "Diffusion again, a third model.", extra: "redirect_to: b");
        var problems = new List<ContentProblem>();
        var archive = ArchiveLoader.Load(_site.Content, problems);
        Assert.Empty(problems);
        _model = SiteModelBuilder.Build(archive, new RuleClassifier(archive.Taxonomy), out _);
        var theme = new ThemeFiles(_site.Themes, "default");
        _plan = SitePlanning.Plan(new BuildContext(_model, new TemplateSet(theme), ThemeAssets.Load(theme), searchEnabled: true));
    }

    public void Dispose() => _site.Dispose();

    private IEnumerable<PlannedOutput> Stamped => _plan.Where(o => o.Input is not null);

    [Fact]
    public void Every_page_and_feed_but_the_few_made_every_time_is_made_from_an_input()
    {
        var always = _plan.Where(o => o.Input is null && o.Kind != OutputKind.Asset).Select(o => o.File).Order(StringComparer.Ordinal);
        Assert.Equal(["robots.txt", "sitemap.xml", "topics/opml.xml"], always);
        Assert.All(Stamped, o => Assert.NotNull(o.View));
        Assert.Contains(Stamped, o => o.Maker == "redirect");
    }

    [Fact]
    public void No_view_reads_anything_but_its_input_and_the_shared_views()
    {
        // A static lambda captures nothing: its target, if any, is the compiler's singleton, which has no instance fields.
        foreach (var output in Stamped)
        {
            var target = output.View!.Target;
            var captured = target?.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) ?? [];
            Assert.True(captured.Length == 0, $"{output.File}: its view captures {string.Join(", ", captured.Select(f => f.Name))}; hand it in through the input instead");
            var parameters = output.View.Method.GetParameters();
            Assert.Equal(typeof(SharedViews), parameters[0].ParameterType);
            Assert.Equal(3, parameters.Length); // the shared views, the path, the input
        }
    }

    [Fact]
    public void The_shared_views_hold_only_what_the_shared_hash_covers()
    {
        // site.yml (Config, Urls, Title), the site-wide view (Site, in the shared hash itself), views made
        // from what they are given (Views), the theme's strings files (Strings) and share card design
        // (Cards): theme files, which the shared hash lists. Anything added here must be in IncrementalBuild's shared hash.
        var members = typeof(SharedViews).GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || m is MethodInfo { IsSpecialName: false })
            .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["Card", "Cards", "Config", "Page", "Site", "Strings", "Title", "Urls", "Views"], members);
        var factory = typeof(ViewFactory).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(f => f.FieldType).Where(t => t == typeof(SiteModel) || t == typeof(Archive));
        Assert.Empty(factory);
    }

    [Fact]
    public void Every_member_of_every_input_counts_in_its_fingerprint()
    {
        var checkedMembers = 0;
        foreach (var output in Stamped.DistinctBy(o => (o.Input!.GetType(), o.Maker)))
        {
            var input = output.Input!;
            var before = output.Stamp()!.Value.Fingerprint;
            var properties = input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
            if (!ViewHasher.PartNames(input).Any())
            {
                // Hashed whole (a list, a string): another value of it must hash otherwise.
                Assert.NotEqual(before, ViewHasher.Stamp(output.Maker, output.Path, Mutate(input, input.GetType())!).Fingerprint);
                checkedMembers++;
                continue;
            }
            foreach (var property in properties)
            {
                var copy = Clone(input);
                property.SetValue(copy, Mutate(property.GetValue(input), property.PropertyType));
                var after = ViewHasher.Stamp(output.Maker, output.Path, copy).Fingerprint;
                Assert.True(before != after, $"{input.GetType().Name}.{property.Name} does not count in the fingerprint of {output.File}");
                checkedMembers++;
            }
        }
        Assert.True(checkedMembers >= 30, $"only {checkedMembers} members checked");
    }

    [Fact]
    public void Two_outputs_made_from_equal_inputs_are_the_same_bytes()
    {
        // The same model planned twice (fresh view factories): what an input and the shared views make is all there is.
        var theme = new ThemeFiles(_site.Themes, "default");
        var again = SitePlanning.Plan(new BuildContext(_model, new TemplateSet(theme), ThemeAssets.Load(theme), searchEnabled: true))
            .ToDictionary(o => o.File, StringComparer.Ordinal);
        foreach (var output in Stamped)
        {
            var twin = again[output.File];
            Assert.Equal(output.Stamp()!.Value.Fingerprint, twin.Stamp()!.Value.Fingerprint);
            Assert.Equal(output.Render(), twin.Render());
        }
    }

    private static object Clone(object record) =>
        record.GetType().GetMethod("<Clone>$")?.Invoke(record, null) ?? throw new InvalidOperationException($"{record.GetType().Name} is not a record");

    /// <summary>Another value of the same type, one that a reader of the page could tell apart.</summary>
    private object? Mutate(object? value, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (value is null) return underlying is not null ? Activator.CreateInstance(underlying) : throw new InvalidOperationException($"no value to change for {type.Name}");
        if (underlying is not null && underlying != typeof(DateOnly) && underlying != typeof(int)) return null;
        switch (value)
        {
            case string s: return s + "x";
            case int i: return i + 1;
            case bool b: return !b;
            case DateOnly day: return day.AddDays(1);
            case Enum e: return Enum.GetValues(e.GetType()).Cast<object>().First(v => !v.Equals(e));
            case SitePaper paper: return _model.Papers.First(p => p.Slug != paper.Slug);
            case Topic topic: return _model.Topics.First(t => t.Slug != topic.Slug);
        }
        if (value is IEnumerable items && type.IsGenericType)
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            var all = items.Cast<object?>().ToList();
            if (all.Count > 0) foreach (var item in all.Skip(1)) list.Add(item);
            else list.Add(element == typeof(SitePaper) ? _model.Papers[0] : element == typeof(string) ? "x" : Activator.CreateInstance(element));
            return list;
        }
        // A record or a value tuple: its first member changed.
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance)).ToList();
        var first = members[0];
        if (type.IsValueType)
        {
            var boxed = value;
            if (first is FieldInfo field) field.SetValue(boxed, Mutate(field.GetValue(boxed), field.FieldType));
            else ((PropertyInfo)first).SetValue(boxed, Mutate(((PropertyInfo)first).GetValue(boxed), ((PropertyInfo)first).PropertyType));
            return boxed;
        }
        var copy = Clone(value);
        var property = (PropertyInfo)first;
        property.SetValue(copy, Mutate(property.GetValue(value), property.PropertyType));
        return copy;
    }
}
