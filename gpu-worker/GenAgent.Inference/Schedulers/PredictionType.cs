namespace GenAgent.Inference.Schedulers;

/// <summary>What an SD UNet predicts: the noise ("epsilon", SD-Turbo, SD 2.x base) or the velocity ("v_prediction", SD 2.x 768).</summary>
public enum PredictionType
{
    Epsilon,
    VPrediction,
}
