using System.Text.RegularExpressions;
using PaperTrail.Site;

namespace PaperTrail.Pipelines;

/// <summary>
/// The feeds people subscribe to (the site's, each topic's and author's, the digests), as opposed to monthly
/// archives: the ones that name the WebSub hub, and whose changes <c>generator websub</c> announces.
/// </summary>
internal static partial class SubscriptionFeeds
{
    /// <summary>True for an output path (relative, '/'-separated) that is a subscription feed.</summary>
    public static bool Is(string path) =>
        path is Urls.Rss or Urls.Atom or Urls.JsonFeed or Urls.Digest or Urls.WeeklyDigest || TopicFeed().IsMatch(path);

    [GeneratedRegex(@"^(topics|authors)/[a-z0-9-]+/(feed|atom)\.xml$")]
    private static partial Regex TopicFeed();
}
