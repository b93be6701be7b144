using Google.Protobuf;
using Microsoft.ML.Tokenizers;

namespace GenAgent.Inference.Tokenizers;

/// <summary>
/// T5's SentencePiece (Unigram) tokenizer: the text's pieces, EOS, then padding to <see cref="Length"/>.
/// T5's spiece.model sets bos_id = -1, on which Microsoft.ML.Tokenizers' SentencePieceTokenizer.Create
/// fails with IndexOutOfRange; <see cref="PatchBosId"/> rewrites trainer_spec.bos_id to the pad id first
/// (T5 never emits a BOS, so the substitute id is never produced).
/// </summary>
public sealed class T5Tokenizer
{
    // sentencepiece_model.proto: ModelProto.trainer_spec = 2; TrainerSpec.unk_id = 40, bos_id = 41, eos_id = 42, pad_id = 43.
    private const int TrainerSpecField = 2;
    private const int UnkIdField = 40;
    private const int BosIdField = 41;
    private const int EosIdField = 42;
    private const int PadIdField = 43;

    private readonly SentencePieceTokenizer _tokenizer;

    private T5Tokenizer(SentencePieceTokenizer tokenizer, int eosId, int padId, int length)
    {
        _tokenizer = tokenizer;
        EosId = eosId;
        PadId = padId;
        Length = length;
    }

    public int EosId { get; }

    public int PadId { get; }

    public int Length { get; }

    public static T5Tokenizer Load(string modelPath, int length = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var (patched, ids) = PatchBosId(File.ReadAllBytes(modelPath));
        using var stream = new MemoryStream(patched);
        var tokenizer = SentencePieceTokenizer.Create(stream, false, false);
        return new T5Tokenizer(tokenizer, ids.EosId, ids.PadId, length);
    }

    public long[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = _tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false, considerPreTokenization: true, considerNormalization: true);
        var row = new long[Length];
        Array.Fill(row, PadId);
        var count = Math.Min(tokens.Count, Length - 1);
        for (var i = 0; i < count; i++)
        {
            row[i] = tokens[i];
        }

        row[count] = EosId;
        return row;
    }

    /// <summary>
    /// Returns the model with trainer_spec.bos_id set to the pad id when it is negative (unchanged
    /// otherwise), and the special ids it declares (sentencepiece defaults where a field is absent).
    /// </summary>
    public static (byte[] Model, SpecialIds Ids) PatchBosId(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var output = new MemoryStream(model.Length + 8);
        var writer = new CodedOutputStream(output);
        var reader = new CodedInputStream(model);
        SpecialIds? ids = null;
        uint tag;
        while ((tag = reader.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == TrainerSpecField && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                var (spec, found) = PatchTrainerSpec(reader.ReadBytes().ToByteArray());
                ids = found;
                writer.WriteTag(tag);
                writer.WriteBytes(ByteString.CopyFrom(spec));
                continue;
            }

            var start = (int)reader.Position - CodedOutputStream.ComputeRawVarint32Size(tag);
            reader.SkipLastField();
            writer.Flush();
            output.Write(model, start, (int)reader.Position - start);
        }

        writer.Flush();
        return (output.ToArray(), ids ?? throw new InvalidDataException("The SentencePiece model has no trainer_spec."));
    }

    private static (byte[] Spec, SpecialIds Ids) PatchTrainerSpec(byte[] spec)
    {
        // sentencepiece's defaults for absent fields.
        int unk = 0, bos = 1, eos = 2, pad = -1;
        var reader = new CodedInputStream(spec);
        uint tag;
        while ((tag = reader.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case UnkIdField: unk = reader.ReadInt32(); break;
                case BosIdField: bos = reader.ReadInt32(); break;
                case EosIdField: eos = reader.ReadInt32(); break;
                case PadIdField: pad = reader.ReadInt32(); break;
                default: reader.SkipLastField(); break;
            }
        }

        var ids = new SpecialIds(unk, bos, eos, pad < 0 ? eos : pad);
        if (bos >= 0)
        {
            return (spec, ids);
        }

        // A later occurrence of a scalar field wins in protobuf, so appending bos_id overrides the -1.
        using var output = new MemoryStream(spec.Length + 4);
        output.Write(spec);
        var writer = new CodedOutputStream(output);
        writer.WriteTag(BosIdField, WireFormat.WireType.Varint);
        writer.WriteInt32(ids.PadId);
        writer.Flush();
        return (output.ToArray(), ids with { BosId = ids.PadId });
    }

    public sealed record SpecialIds(int UnkId, int BosId, int EosId, int PadId);
}
