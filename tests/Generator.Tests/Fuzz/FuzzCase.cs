using FsCheck;
using FsCheck.Fluent;
using PaperTrail.Tests.Hostile;

namespace PaperTrail.Tests.Fuzz;

/// <summary>Where a case's input starts: a real input whole, one made from the corpus's papers, or one made from generated text.</summary>
public enum Start { Whole, Corpus, Generated }

/// <summary>
/// One input for one reader and how ingest is run on it: the start (<see cref="Start"/>, which one
/// and how many papers), up to three mutations, whether the reader is named (<c>--source</c>) or
/// must be detected, and whether ingest really writes (a sixteenth of the cases; the rest are dry
/// runs, which do all but the writing). Printed, it says enough to make the input again.
/// </summary>
public sealed record FuzzCase(Start Start, int Which, int Papers, IReadOnlyList<string> Text, IReadOnlyList<Mutation> Mutations, bool Named, bool Writes)
{
    public byte[] Input(ReaderProfile reader)
    {
        var bytes = Start switch
        {
            Start.Whole => reader.Wholes[Which % reader.Wholes.Count],
            Start.Corpus => reader.Make(Enumerable.Range(Which, Papers).Select(i => ReaderProfile.CorpusPapers[i % ReaderProfile.CorpusPapers.Count]).ToList(), Which),
            _ => reader.Make(GeneratedPapers(), Which),
        };
        return Mutations.Aggregate(bytes, (input, mutation) => mutation.Apply(input, reader));
    }

    /// <summary>Papers whose every field is generated text: any UTF-16, lone surrogates and controls included.</summary>
    private List<PaperFields> GeneratedPapers()
    {
        string T(int i) => Text[i % Text.Count];
        return Enumerable.Range(0, Papers)
            .Select(i => new PaperFields(T(i), T(i + 1), [T(i + 2), T(i + 3)], i % 3 == 0 ? T(i + 4) : $"2601.{10000 + i}", i % 5 == 0 ? T(i + 5) : "2026-05-08", i % 2 == 0 ? T(i + 6) : null))
            .ToList();
    }

    public override string ToString() =>
        $"{Start}#{Which}x{Papers} [{string.Join(", ", Mutations)}]{(Named ? " --source" : "")}{(Writes ? " (writes)" : " (dry run)")}"
        + (Start == Start.Generated ? $" text: {string.Join(" | ", Text.Select(Escaped))}" : "");

    private static string Escaped(string text) =>
        string.Concat(text.Take(80).Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));

    /// <summary>The cases FsCheck draws.</summary>
    public static class Cases
    {
        private static readonly Gen<Mutation> Mutation =
            from kind in Gen.Elements(Enum.GetValues<MutationKind>())
            from at in Gen.Choose(0, int.MaxValue - 1)
            from what in Gen.Choose(0, 10_000)
            from size in Gen.Choose(0, 100_000)
            select new Mutation(kind, at, what, size);

        public static Arbitrary<FuzzCase> Generated() =>
            (from start in Gen.Frequency((2, Gen.Constant(Start.Whole)), (5, Gen.Constant(Start.Corpus)), (3, Gen.Constant(Start.Generated)))
             from which in Gen.Choose(0, 100_000)
             from papers in Gen.Choose(1, 12)
             from text in PropertyTests.AnyText.Strings().Generator.ArrayOf(8)
             from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 3)))
             from mutations in Mutation.ArrayOf(count)
             from named in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
             from writes in Gen.Choose(0, 15).Select(n => n == 0)
             select new FuzzCase(start, which, papers, text, mutations, named, writes)).ToArbitrary();
    }
}
