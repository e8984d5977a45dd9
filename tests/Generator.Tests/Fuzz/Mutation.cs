using System.Text;

namespace PaperTrail.Tests.Fuzz;

/// <summary>What a mutation does to an input's bytes.</summary>
public enum MutationKind
{
    FlipBits, Truncate, DeleteSpan, DuplicateSpan, InsertToken, DeepNesting, HugeField, LoneSurrogate, Reencode, RandomBytes,
}

/// <summary>
/// One change to an input, as the web or a broken transfer makes them: three numbers say where, what
/// and how much (each taken modulo what there is), so a case is replayed from its printed form.
/// </summary>
public sealed record Mutation(MutationKind Kind, int Where, int What, int Size)
{
    public override string ToString() => $"{Kind}@{Where}/{What}/{Size}";

    /// <summary>Sizes of inserted nesting: from a few levels past any real input's to far past every limit.</summary>
    private static readonly int[] Depths = [10, 70, 300, 3_000, 30_000, 200_000];

    /// <summary>Sizes of an inserted field: over each cap, and far over (the 10 MB and 50 MB cases are tests of their own).</summary>
    private static readonly int[] FieldSizes = [300, 1_200, 25_000, 250_000, 2_000_000];

    public byte[] Apply(byte[] input, ReaderProfile reader)
    {
        var length = input.Length;
        int At(int extra = 0) => length + extra == 0 ? 0 : Where % (length + extra);
        switch (Kind)
        {
            case MutationKind.FlipBits:
            {
                if (length == 0) return input;
                var bytes = (byte[])input.Clone();
                var random = new Random(Where);
                for (var i = 0; i <= What % 8; i++) bytes[random.Next(length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            }
            case MutationKind.Truncate:
                return input[..At(1)];
            case MutationKind.DeleteSpan:
            {
                var start = At(1);
                var end = Math.Min(length, start + 1 + Size % 4096);
                return [.. input[..start], .. input[end..]];
            }
            case MutationKind.DuplicateSpan:
            {
                var start = At(1);
                var span = input[start..Math.Min(length, start + 1 + Size % 4096)];
                var into = What % (length + 1);
                return [.. input[..into], .. span, .. input[into..]];
            }
            case MutationKind.InsertToken:
                return Insert(input, At(1), reader.Tokens[What % reader.Tokens.Length]);
            case MutationKind.DeepNesting:
            {
                var (open, close) = reader.Nesting[What % reader.Nesting.Length];
                var depth = Depths[Size % Depths.Length];
                var nested = new StringBuilder(depth * (open.Length + close.Length));
                for (var i = 0; i < depth; i++) nested.Append(open);
                // Half the time closed again, as a valid document would be; else left open.
                if (Where % 2 == 0) for (var i = 0; i < depth; i++) nested.Append(close);
                return Insert(input, At(1), nested.ToString());
            }
            case MutationKind.HugeField:
            {
                // After a field's opening ("title": ", <title>, a scrape's line start…), so that one field grows.
                var marker = Encoding.UTF8.GetBytes(reader.FieldMarkers[What % reader.FieldMarkers.Length]);
                var places = Occurrences(input, marker);
                var at = places.Count > 0 ? places[Where % places.Count] + marker.Length : At(1);
                var size = FieldSizes[Size % FieldSizes.Length];
                var word = reader.FieldFillers[Where % reader.FieldFillers.Length];
                var fill = new StringBuilder(size + word.Length);
                while (fill.Length < size) fill.Append(word);
                return Insert(input, at, fill.ToString());
            }
            case MutationKind.LoneSurrogate:
            {
                var surrogate = reader.Surrogates[What % reader.Surrogates.Length];
                return Insert(input, At(1), surrogate);
            }
            case MutationKind.Reencode:
                return Reencode(input, What % 7);
            case MutationKind.RandomBytes:
            {
                var bytes = new byte[Size % 4096];
                new Random(Where).NextBytes(bytes);
                // Sometimes after the input's own first bytes, so detection still takes it for its kind.
                return What % 2 == 0 ? bytes : [.. input[..Math.Min(length, 64)], .. bytes];
            }
            default:
                throw new System.Diagnostics.UnreachableException($"no mutation {Kind}");
        }
    }

    private static byte[] Insert(byte[] input, int at, string text) => Insert(input, at, Encoding.UTF8.GetBytes(text));

    private static byte[] Insert(byte[] input, int at, byte[] inserted) => [.. input[..at], .. inserted, .. input[at..]];

    private static List<int> Occurrences(byte[] bytes, byte[] marker)
    {
        var places = new List<int>();
        for (var from = 0; places.Count < 1000;)
        {
            var found = bytes.AsSpan(from).IndexOf(marker);
            if (found < 0) break;
            places.Add(from + found);
            from += found + 1;
        }
        return places;
    }

    /// <summary>The text in another encoding, or with its byte order mark doubled or lost: what a misconfigured server sends.</summary>
    private static byte[] Reencode(byte[] input, int how)
    {
        var text = new UTF8Encoding(false, false).GetString(input);
        return how switch
        {
            0 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            1 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            2 => Encoding.Unicode.GetBytes(text), // UTF-16 without a byte order mark
            3 => Encoding.Latin1.GetBytes(text),
            4 => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
            5 => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. input],
            _ => input.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? input[3..] : [0xEF, 0xBB, 0xBF, .. input],
        };
    }
}
