// Issue 31's probe: do MiniLM sentence embeddings lift the topic model? Two steps:
//   embed     encodes title + abstract of every labelled paper once, into a cache file (processor time per paper)
//   evaluate  trains per-topic logistic regressions on the embeddings, alone and with the TF-IDF model and the
//             rules, choosing everything by 5-fold cross-validation on the training split; prints micro-F1
//             on CV (train), test, seed and llm.
// Run from the repository root: dotnet run --project bench/topics/embed-probe -c Release -- embed|evaluate [cache] [options]
//   embed options: model=minilm (all-MiniLM-L6-v2, the default) or model=arcticxs (Snowflake arctic-embed-xs)
//   evaluate options (key=value): l2=0.01,0.03 (penalties tried) avg=0.3,0.5 (embedding's share of the average)
//   stack=0.01 (penalties of the stacked variant; none to skip) more=0,1 (without/with the 500 extra labels)
//   pw=2 (positive weight) store=float32|half|int8 (the vectors as stored) knn=10 (a k-nearest-neighbour check)
using EmbedProbe;

var command = args.Length > 0 ? args[0] : "evaluate";
var cache = args.Length > 1 ? args[1] : "/tmp/emb/vectors.tsv";
var sets = LabelledSets.Read(Directory.GetCurrentDirectory());
switch (command)
{
    case "embed":
        // embed [cache] [model=minilm|arcticxs]
        var model = args.Skip(2).Select(a => a.Split('=', 2)).Where(kv => kv[0] == "model").Select(kv => kv[1]).LastOrDefault() ?? "minilm";
        Embedder.EncodeAll(sets, cache, model);
        break;
    case "evaluate":
        Experiments.Run(sets, VectorCache.Read(cache), ExperimentPlan.Parse(args.Skip(2)));
        break;
    default:
        Console.Error.WriteLine("usage: embed|evaluate [cache]");
        return 2;
}
return 0;
