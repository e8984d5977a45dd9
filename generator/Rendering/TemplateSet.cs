using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using PaperTrail.Errors;
using PaperTrail.Views;

namespace PaperTrail.Rendering;

/// <summary>
/// The theme's Liquid layouts, parsed once per build and rendered in parallel. Every value is
/// HTML-encoded on output unless a template says <c>| raw</c>, which the default theme does only
/// for HTML the generator made safe (abstracts, page bodies). Values are data: Liquid in a title
/// is printed, never run.
/// </summary>
internal sealed class TemplateSet
{
    public const string BaseLayout = "base";

    private static readonly FluidParser Parser = new();

    // Encodes only what HTML needs (& < > " ' …), keeps every script's letters readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<string, IFluidTemplate> _layouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _layoutFiles = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;
    private readonly ThemeFiles _theme;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IFluidTemplate> _partials = new(StringComparer.Ordinal);

    /// <summary>The words of the site in its language, which the filters <c>t</c> and <c>local_date</c> read.</summary>
    public UiStrings Strings { get; }

    /// <param name="language">site.yml's <c>language</c>: which strings file the words come from.</param>
    public TemplateSet(ThemeFiles theme, string language = UiStrings.English)
    {
        _theme = theme;
        Strings = UiStrings.Load(theme, language);
        _options = new TemplateOptions
        {
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            FileProvider = new ThemePartials(theme),
        };
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        RegisterViews(_options.MemberAccessStrategy);
        StringFilters.Register(_options.Filters, Strings, Encoder);

        var problems = new List<string>();
        var partials = (ThemePartials)_options.FileProvider;
        foreach (var (relative, path) in theme.All("layouts").Where(f => f.Key.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            var name = relative[..^".liquid".Length];
            if (Parse(path, partials, problems) is { } template)
            {
                _layouts[name] = template;
                _layoutFiles[name] = path;
            }
        }
        foreach (var (_, path) in theme.All("partials").Where(f => f.Key.EndsWith(".liquid", StringComparison.Ordinal)))
            Parse(path, partials, problems);
        if (!_layouts.ContainsKey(BaseLayout))
            problems.Add($"{DisplayPath.Of(theme.Folders[0])}: the theme has no layouts/{BaseLayout}.liquid");
        if (problems.Count > 0) throw new UserError(problems);
        Cards = ShareCardDesign.Find(theme);
    }

    /// <summary>The theme's share card (<c>cards/</c>), or null when it draws none.</summary>
    public ShareCardDesign? Cards { get; }

    /// <summary>
    /// Parses one template file and checks every partial it names by a literal: found in the theme
    /// chain, and not leaving it. A problem names the file and the line of the tag.
    /// </summary>
    private IFluidTemplate? Parse(string path, ThemePartials partials, List<string> problems)
    {
        var source = File.ReadAllText(path);
        var file = DisplayPath.Of(path);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            problems.Add($"{file}: template error: {error}");
            return null;
        }
        foreach (var (key, line) in StringKeys(source).Where(k => !Strings.Has(k.Key)))
            problems.Add(UserError.At(file, line, $"template error: {{{{ '{key}' | t }}}}: {new MissingStringException(key).Message}").Message);
        foreach (var reference in PartialReferences.In(source))
        {
            if (reference.Name is not { } name) continue; // computed as the page renders: checked then
            var tag = $"{{% {reference.Tag} '{name}' %}}";
            if (ThemePartials.Refusal(name) is { } refused)
                problems.Add(UserError.At(file, reference.Line, $"template error: {tag}: {refused}").Message);
            else if (partials.Find(name) is null)
                problems.Add(UserError.At(file, reference.Line, $"template error: {tag}: {Missing(name)}").Message);
        }
        return template;
    }

    // A string named by a literal, 'header.latest' | t: checked when the template is parsed, with its line.
    private static readonly System.Text.RegularExpressions.Regex StringKey = new(@"['""]([\w.-]+)['""]\s*\|\s*t\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static IEnumerable<(string Key, int Line)> StringKeys(string source) =>
        StringKey.Matches(source).Select(m => (m.Groups[1].Value, 1 + source.AsSpan(0, m.Index).Count('\n')));

    private string Missing(string name) =>
        $"there is no {ThemePartials.PathOf(name)} in {string.Join(" or ", _theme.Folders.Select(DisplayPath.Of))}";

    /// <summary>
    /// A partial that a template names by a variable is only known as a page renders: one that is
    /// missing, or would leave the theme, is told then, naming the template (Fluid throws it as a
    /// missing file, and keeps no line).
    /// </summary>
    private UserError PartialNotFound(string template, FileNotFoundException e)
    {
        var name = e.FileName ?? e.Message;
        var why = ThemePartials.Refusal(name) ?? Missing(name);
        return UserError.At(template, 0, $"template error: an include or render (in it, or in a partial it includes) names '{name}': {why}");
    }

    /// <summary>Templates may read every view model in the views namespace, and nothing else.</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026",
        Justification = "The generator's assembly is a trimmer root (Generator.csproj): no view type or member is removed.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2072",
        Justification = "The generator's assembly is a trimmer root (Generator.csproj): no view type or member is removed.")]
    private static void RegisterViews(MemberAccessStrategy strategy)
    {
        foreach (var type in typeof(PageView).Assembly.GetTypes().Where(t => t.Namespace == typeof(PageView).Namespace && !t.IsAbstract))
            strategy.Register(type);
    }

    /// <summary>Renders a partial on its own with one named value, e.g. the paper-card of one paper.</summary>
    public string RenderPartial(string partial, string name, object value)
    {
        var template = _partials.GetOrAdd(partial, p =>
        {
            var path = _theme.Find($"partials/{p}.liquid")
                ?? throw UserError.At("themes", 0, $"the theme has no partials/{p}.liquid");
            return Parser.Parse(File.ReadAllText(path));
        });
        var context = new TemplateContext(_options);
        context.SetValue(name, value);
        try
        {
            return template.Render(context, Encoder);
        }
        catch (FileNotFoundException e)
        {
            throw PartialNotFound(DisplayPath.Of(_theme.Find($"partials/{partial}.liquid")!), e);
        }
        catch (ArithmeticException e)
        {
            throw ArithmeticError(DisplayPath.Of(_theme.Find($"partials/{partial}.liquid")!), e);
        }
        catch (MissingStringException e)
        {
            throw StringError(DisplayPath.Of(_theme.Find($"partials/{partial}.liquid")!), e);
        }
    }

    /// <summary>Renders <paramref name="layout"/> with <c>site</c>, <c>page</c> and <c>model</c>, inside the base layout, as UTF-8.</summary>
    public byte[] RenderPage(string layout, SiteView site, PageView page, object model)
    {
        if (!_layouts.TryGetValue(layout, out var template))
            throw UserError.At("themes", 0, $"the theme has no layouts/{layout}.liquid");
        var context = new TemplateContext(_options);
        context.SetValue("site", site);
        context.SetValue("page", page);
        context.SetValue("model", model);
        // Each thread renders into the same two buffers page after page: at archive scale the
        // growing and dropping of per-page strings was most of what the build allocated.
        var writers = _writers ??= new PageWriters();
        var body = writers.Body.GetStringBuilder().Clear();
        Wait(template.RenderAsync(writers.Body, Encoder, context), layout);
        context.SetValue("content", body.ToString());
        var whole = writers.Page.GetStringBuilder().Clear();
        Wait(_layouts[BaseLayout].RenderAsync(writers.Page, Encoder, context), BaseLayout);
        return Utf8(whole);
    }

    private void Wait(ValueTask rendering, string layout)
    {
        try
        {
            if (!rendering.IsCompletedSuccessfully) rendering.AsTask().GetAwaiter().GetResult();
        }
        catch (FileNotFoundException e)
        {
            throw PartialNotFound(DisplayPath.Of(_layoutFiles[layout]), e);
        }
        catch (ArithmeticException e)
        {
            throw ArithmeticError(DisplayPath.Of(_layoutFiles[layout]), e);
        }
        catch (MissingStringException e)
        {
            throw StringError(DisplayPath.Of(_layoutFiles[layout]), e);
        }
    }

    /// <summary>A filter's arithmetic failed as the template ran (<c>divided_by: 0</c>, a number past Int32): the theme's mistake, not a crash.</summary>
    private static UserError ArithmeticError(string template, ArithmeticException e) =>
        UserError.At(template, 0, $"template error: {e.Message.TrimEnd('.')} (in it, or in a partial it includes)");

    /// <summary>A template asked for a string the strings files lack: the theme's mistake, told with the key.</summary>
    private static UserError StringError(string template, MissingStringException e) =>
        UserError.At(template, 0, $"template error: {e.Message} (in it, or in a partial it includes)");

    [ThreadStatic]
    private static PageWriters? _writers;

    private sealed class PageWriters
    {
        public StringWriter Body { get; } = new(new System.Text.StringBuilder(32 * 1024), CultureInfo.InvariantCulture);
        public StringWriter Page { get; } = new(new System.Text.StringBuilder(64 * 1024), CultureInfo.InvariantCulture);
    }

    /// <summary>The builder's text as UTF-8, without making a string of it first (a pair split across chunks stays whole).</summary>
    private static byte[] Utf8(System.Text.StringBuilder text)
    {
        var encoder = System.Text.Encoding.UTF8.GetEncoder();
        var count = 0;
        foreach (var chunk in text.GetChunks()) count += encoder.GetByteCount(chunk.Span, flush: false);
        count += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[count];
        var at = 0;
        foreach (var chunk in text.GetChunks()) at += encoder.GetBytes(chunk.Span, bytes.AsSpan(at), flush: false);
        encoder.GetBytes([], bytes.AsSpan(at), flush: true);
        return bytes;
    }
}
