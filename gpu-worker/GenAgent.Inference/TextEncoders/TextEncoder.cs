using GenAgent.Inference.Runtime;
using GenAgent.Inference.Tensors;

namespace GenAgent.Inference.TextEncoders;

/// <summary>A tokenizer and an encoder session: texts in, one output tensor (hidden states, pooled or projected embeddings) out.</summary>
internal sealed class TextEncoder
{
    private readonly OnnxComponent _component;
    private readonly Func<string, long[]> _tokenize;
    private readonly string _outputRole;

    public TextEncoder(OnnxComponent component, Func<string, long[]> tokenize, string outputRole)
    {
        _component = component;
        _tokenize = tokenize;
        _outputRole = outputRole;
    }

    public FloatTensor Encode(IReadOnlyList<string> texts)
    {
        var ids = IdTensor.FromRows(texts.Select(_tokenize).ToArray());
        return _component.Run([new("input_ids", ids)], _outputRole)[0];
    }
}
