namespace GenAgent.Core.Judging;

/// <summary>Which of the two images a pairwise judge preferred: A is shown first, B second.</summary>
public enum ComparisonChoice
{
    A,
    B,
}
