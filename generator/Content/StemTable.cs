using System.Collections.Concurrent;

namespace PaperTrail.Content;

/// <summary>
/// Each word's stem (<see cref="TextTokens.Stem"/>), made once: the same few thousand words come back
/// in every abstract. A build owns one (in its <c>Topics/PaperTokenCache</c>) and drops it with the
/// model, so no table of every word ever seen outlives a build in <c>serve</c>.
/// </summary>
internal sealed class StemTable
{
    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

    // Looking a word up needs no string for the word itself.
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StemTable() => _lookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Of(ReadOnlySpan<char> word) =>
        _lookup.TryGetValue(word, out var stem) ? stem : _stems.GetOrAdd(new string(word), TextTokens.Stem);
}
