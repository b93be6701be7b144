using GenAgent.Sketch;

namespace GenAgent.Sketch.Tests;

public sealed class EditInstructionParserTests
{
    [Fact]
    public void Reads_each_kind_of_edit()
    {
        var ops = EditInstructionParser.Parse("make the bus green; add a cat on the left. remove one clock and move the dog to the right, then make the bench larger");

        Assert.Equal(
            [
                new EditOperation(EditKind.Recolor, "bus", Color: "green"),
                new EditOperation(EditKind.Add, "cat", 1, Region: SketchRegion.Left),
                new EditOperation(EditKind.Remove, "clock", 1),
                new EditOperation(EditKind.Move, "dog", Region: SketchRegion.Right),
                new EditOperation(EditKind.Resize, "bench", Size: SizeHint.Larger),
            ],
            ops);
    }

    [Fact]
    public void Unknown_clauses_are_named()
    {
        var ex = Assert.Throws<FormatException>(() => EditInstructionParser.Parse("make the bus green; dance"));

        Assert.Contains("\"dance\"", ex.Message, StringComparison.Ordinal);
    }
}
