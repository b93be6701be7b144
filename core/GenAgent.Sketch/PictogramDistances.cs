namespace GenAgent.Sketch;

/// <summary>How far apart the pictograms are for a recognizer: the basis of the distinctness test and benchmark.</summary>
internal static class PictogramDistances
{
    /// <summary>Every pair of classes by the distance between their mid-size prototypes (either facing), closest first.</summary>
    public static IEnumerable<(string A, string B, double Distance)> Closest(int grid, double aspectWeight)
    {
        var shapes = SketchVocabulary.Classes.Select(c => (c.Name, Shape: ShapeClassifier.Prototype(c, 36, 1, grid))).ToList();
        var pairs = new List<(string, string, double)>();
        for (var i = 0; i < shapes.Count; i++)
        {
            for (var j = i + 1; j < shapes.Count; j++)
            {
                var d = Math.Min(shapes[i].Shape.DistanceTo(shapes[j].Shape, aspectWeight), shapes[i].Shape.DistanceTo(shapes[j].Shape.Mirrored(), aspectWeight));
                pairs.Add((shapes[i].Name, shapes[j].Name, d));
            }
        }

        return pairs.OrderBy(p => p.Item3);
    }
}
