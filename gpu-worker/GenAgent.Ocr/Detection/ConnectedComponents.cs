namespace GenAgent.Ocr.Detection;

/// <summary>8-connected regions of a binary mask, each reduced to its outline: the leftmost and rightmost pixel of every row.</summary>
internal static class ConnectedComponents
{
    /// <summary>
    /// Regions in scan order (top to bottom, then left to right). The row extremes hold every vertex of the region's
    /// convex hull, which is all a minimum-area rectangle needs, at a fraction of the points.
    /// </summary>
    public static IEnumerable<List<(int X, int Y)>> Outlines(bool[] mask, int width, int height)
    {
        var visited = new bool[mask.Length];
        var rowMin = new int[height];
        var rowMax = new int[height];
        Array.Fill(rowMin, int.MaxValue);
        Array.Fill(rowMax, -1);
        var stack = new Stack<int>();
        for (var start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || visited[start])
            {
                continue;
            }

            int top = height, bottom = -1;
            visited[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var index = stack.Pop();
                int x = index % width, y = index / width;
                rowMin[y] = Math.Min(rowMin[y], x);
                rowMax[y] = Math.Max(rowMax[y], x);
                top = Math.Min(top, y);
                bottom = Math.Max(bottom, y);
                for (var dy = -1; dy <= 1; dy++)
                {
                    var ny = y + dy;
                    if (ny < 0 || ny >= height)
                    {
                        continue;
                    }

                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = x + dx;
                        if (nx < 0 || nx >= width)
                        {
                            continue;
                        }

                        var neighbour = (ny * width) + nx;
                        if (mask[neighbour] && !visited[neighbour])
                        {
                            visited[neighbour] = true;
                            stack.Push(neighbour);
                        }
                    }
                }
            }

            var outline = new List<(int X, int Y)>(2 * (bottom - top + 1));
            for (var y = top; y <= bottom; y++)
            {
                if (rowMax[y] >= 0)
                {
                    outline.Add((rowMin[y], y));
                    outline.Add((rowMax[y], y));
                }

                rowMin[y] = int.MaxValue;
                rowMax[y] = -1;
            }

            yield return outline;
        }
    }
}
