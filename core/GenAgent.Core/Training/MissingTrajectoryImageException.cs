namespace GenAgent.Core.Training;

/// <summary>An image a trajectory references is in none of the places it was looked for (its folder, the store).</summary>
public sealed class MissingTrajectoryImageException : Exception
{
    public MissingTrajectoryImageException()
    {
    }

    public MissingTrajectoryImageException(string message)
        : base(message)
    {
    }

    public MissingTrajectoryImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
