namespace GenAgent.Inference.Models.Wire;

/// <summary>
/// The manifest's "constants" object as written: every field optional. (The source-generated
/// serializer would set an absent init-only property to zero, losing <see cref="ModelConstants"/>' defaults.)
/// </summary>
internal sealed class ConstantsDocument
{
    public int? LatentChannels { get; set; }

    public int? VaeDownscale { get; set; }

    public float? VaeScalingFactor { get; set; }

    public float? VaeShiftFactor { get; set; }

    public int? ClipTokenLength { get; set; }

    public int? ClipPadId { get; set; }

    public int? T5TokenLength { get; set; }

    public int? PatchSize { get; set; }

    public int? DefaultWidth { get; set; }

    public int? DefaultHeight { get; set; }

    public int? SizeMultiple { get; set; }

    public int? MaxWidth { get; set; }

    public int? MaxHeight { get; set; }

    public int? MaxBatch { get; set; }

    public int? DefaultSteps { get; set; }

    public float? DefaultGuidance { get; set; }

    public string? Scheduler { get; set; }

    public bool? SupportsEdit { get; set; }

    public string? PredictionType { get; set; }

    public int? TrainTimesteps { get; set; }

    public double? BetaStart { get; set; }

    public double? BetaEnd { get; set; }

    public double? BaseShift { get; set; }

    public double? MaxShift { get; set; }

    public int? BaseImageSeqLen { get; set; }

    public int? MaxImageSeqLen { get; set; }

    public bool? DynamicShift { get; set; }

    public ModelConstants ToConstants()
    {
        var defaults = new ModelConstants();
        return new ModelConstants
        {
            LatentChannels = LatentChannels ?? defaults.LatentChannels,
            VaeDownscale = VaeDownscale ?? defaults.VaeDownscale,
            VaeScalingFactor = VaeScalingFactor ?? defaults.VaeScalingFactor,
            VaeShiftFactor = VaeShiftFactor ?? defaults.VaeShiftFactor,
            ClipTokenLength = ClipTokenLength ?? defaults.ClipTokenLength,
            ClipPadId = ClipPadId ?? defaults.ClipPadId,
            T5TokenLength = T5TokenLength ?? defaults.T5TokenLength,
            PatchSize = PatchSize ?? defaults.PatchSize,
            DefaultWidth = DefaultWidth ?? defaults.DefaultWidth,
            DefaultHeight = DefaultHeight ?? defaults.DefaultHeight,
            SizeMultiple = SizeMultiple ?? defaults.SizeMultiple,
            MaxWidth = MaxWidth ?? defaults.MaxWidth,
            MaxHeight = MaxHeight ?? defaults.MaxHeight,
            MaxBatch = MaxBatch ?? defaults.MaxBatch,
            DefaultSteps = DefaultSteps ?? defaults.DefaultSteps,
            DefaultGuidance = DefaultGuidance ?? defaults.DefaultGuidance,
            Scheduler = Scheduler ?? defaults.Scheduler,
            SupportsEdit = SupportsEdit ?? defaults.SupportsEdit,
            PredictionType = PredictionType ?? defaults.PredictionType,
            TrainTimesteps = TrainTimesteps ?? defaults.TrainTimesteps,
            BetaStart = BetaStart ?? defaults.BetaStart,
            BetaEnd = BetaEnd ?? defaults.BetaEnd,
            BaseShift = BaseShift ?? defaults.BaseShift,
            MaxShift = MaxShift ?? defaults.MaxShift,
            BaseImageSeqLen = BaseImageSeqLen ?? defaults.BaseImageSeqLen,
            MaxImageSeqLen = MaxImageSeqLen ?? defaults.MaxImageSeqLen,
            DynamicShift = DynamicShift ?? defaults.DynamicShift,
        };
    }

    public static ConstantsDocument From(ModelConstants constants) => new()
    {
        LatentChannels = constants.LatentChannels,
        VaeDownscale = constants.VaeDownscale,
        VaeScalingFactor = constants.VaeScalingFactor,
        VaeShiftFactor = constants.VaeShiftFactor,
        ClipTokenLength = constants.ClipTokenLength,
        ClipPadId = constants.ClipPadId,
        T5TokenLength = constants.T5TokenLength,
        PatchSize = constants.PatchSize,
        DefaultWidth = constants.DefaultWidth,
        DefaultHeight = constants.DefaultHeight,
        SizeMultiple = constants.SizeMultiple,
        MaxWidth = constants.MaxWidth,
        MaxHeight = constants.MaxHeight,
        MaxBatch = constants.MaxBatch,
        DefaultSteps = constants.DefaultSteps,
        DefaultGuidance = constants.DefaultGuidance,
        Scheduler = constants.Scheduler,
        SupportsEdit = constants.SupportsEdit,
        PredictionType = constants.PredictionType,
        TrainTimesteps = constants.TrainTimesteps,
        BetaStart = constants.BetaStart,
        BetaEnd = constants.BetaEnd,
        BaseShift = constants.BaseShift,
        MaxShift = constants.MaxShift,
        BaseImageSeqLen = constants.BaseImageSeqLen,
        MaxImageSeqLen = constants.MaxImageSeqLen,
        DynamicShift = constants.DynamicShift,
    };
}
