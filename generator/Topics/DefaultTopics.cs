namespace PaperTrail.Topics;

/// <summary>
/// The default taxonomy (<c>default-topics.yml</c> beside this file, embedded in the generator):
/// what <c>generator init</c> gives a new archive, and the taxonomy the classifier is measured on.
/// It lives in the generator, not in <c>content/</c>, so a fork that replaces its archive still builds.
/// </summary>
internal static class DefaultTopics
{
    private const string Resource = "PaperTrail.Topics.default-topics.yml";

    public static byte[] Bytes()
    {
        using var stream = typeof(DefaultTopics).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("the default topics.yml is not embedded in the generator");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string Text() => System.Text.Encoding.UTF8.GetString(Bytes());
}
