using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using GenAgent.Core.Protocol;

namespace GenAgent.Sketch;

/// <summary>The decisions: what to ask the generator for, when to edit, when to regenerate, when to stop.</summary>
public sealed partial class SketchAgent
{
    /// <summary>How often a sampling agent takes the other decision on an image: a quarter per unit of temperature, at most a half.</summary>
    public static double FlipChance(float temperature) => Math.Clamp(temperature * 0.25, 0, 0.5);

    private static string Decide(SketchConversation c, AgentEye eye, Sampling? sampling = null)
    {
        var (checklist, changeRequest) = Goal(c, eye);
        if (c.LastIsFollowUp || c.Images.Count == 0)
        {
            var source = c.Images.Count > 0 ? c.Images[^1] : c.InputImage;
            if (changeRequest is not null && source is not null && c.CanEdit)
            {
                return Think($"The user wants a change to the current image: \"{changeRequest}\". That is a local edit, so I will ask the editor for it instead of redrawing everything; afterwards the image should show {checklist}.")
                    + Call(ToolNames.Edit, ToolNames.InstructionArgument, changeRequest);
            }

            return Think(Plan(checklist)) + Call(ToolNames.Generate, ToolNames.CaptionArgument, CaptionWriter.Write(checklist, c.GenerationCalls + (sampling?.CaptionShift ?? 0)));
        }

        var latest = c.Images[^1];
        var result = eye.Look(latest, checklist);
        var seen = Describe(result.Detected, latest);
        if (sampling?.Flips == true && c.Images.Count < MaxImages)
        {
            // The other decision, as a sampled policy sometimes takes it: a second try at an image that was fine, or a
            // stop at one that was not.
            return result.Passed
                ? Think($"The prompt needs {checklist}. In the image I can see {seen}. It looks right, but I will try once more for a cleaner result.")
                    + Judge($"The image shows {seen}; trying once more.")
                    + Call(ToolNames.Generate, ToolNames.CaptionArgument, CaptionWriter.Write(checklist, c.GenerationCalls + sampling.CaptionShift))
                : Think($"The prompt needs {checklist}. In the image I can see {seen}. That is close enough, so I will stop here.")
                    + Judge($"The image shows {seen}.") + "<answer>done</answer>";
        }

        if (result.Passed)
        {
            return Think($"The prompt needs {checklist}. In the image I can see {seen}. Every count, color and position checks out, so there is nothing left to fix.")
                + Judge($"The image shows {seen}, which matches the request.") + "<answer>done</answer>";
        }

        var problems = string.Join("; ", result.Failures);
        if (c.Images.Count >= MaxImages)
        {
            return Think($"The prompt needs {checklist}. In the image I can see {seen}. It still has flaws ({problems}), but I have already made {c.Images.Count} images, so I will stop with this one.")
                + Judge($"Close but not right: {problems}.") + "<answer>done</answer>";
        }

        if (c.CanEdit && IsLocal(result) && !EditStalled(c, checklist, result, eye))
        {
            var instruction = EditFor(result, checklist);
            return Think($"The prompt needs {checklist}. In the image I can see {seen}. Most of it is right; only {problems}. That is a local flaw the editor can fix without losing what is already correct.")
                + Judge($"Almost there: {problems}.") + Call(ToolNames.Edit, ToolNames.InstructionArgument, instruction);
        }

        var why = c.CanEdit ? "Too much is wrong for a local edit" : "Editing is not available";
        return Think($"The prompt needs {checklist}. In the image I can see {seen}. Problems: {problems}. {why}, so I will generate again with a caption that spells out every count, color and position even more explicitly.")
            + Judge($"The image does not follow the request: {problems}.")
            + Call(ToolNames.Generate, ToolNames.CaptionArgument, CaptionWriter.Write(checklist, c.GenerationCalls + (sampling?.CaptionShift ?? 0)));
    }

    /// <summary>The checklist the latest image must meet, and the latest change request when the user sent one.</summary>
    private static (Checklist Checklist, string? ChangeRequest) Goal(SketchConversation c, AgentEye eye)
    {
        Checklist checklist;
        string? change = null;
        if (c.InputImage is not null && SketchConversation.LooksLikeChange(c.Prompt))
        {
            checklist = ChecklistChanges.Apply(ChecklistChanges.FromImage(c.InputImage, eye), EditInstructionParser.Parse(c.Prompt));
            change = c.Prompt;
        }
        else
        {
            checklist = Checklist.FromPrompt(c.Prompt);
        }

        foreach (var followUp in c.FollowUps)
        {
            checklist = ChecklistChanges.Apply(checklist, EditInstructionParser.Parse(followUp));
            change = followUp;
        }

        return (checklist, change);
    }

    private static bool IsLocal(JudgeResult result) =>
        result.Issues.Count <= 2 && result.Issues.All(i => i.Kind switch
        {
            JudgeFailureKind.WrongColor => true,
            JudgeFailureKind.WrongCount => Math.Abs(i.Expected - i.Found) == 1,
            JudgeFailureKind.Missing => i.Expected <= 2,
            _ => false,
        });

    /// <summary>An edit that left as many flaws as before is not worth repeating.</summary>
    private static bool EditStalled(SketchConversation c, Checklist checklist, JudgeResult latest, AgentEye eye) =>
        c.Calls.Count > 0 && c.Calls[^1] == ToolNames.Edit && c.Images.Count >= 2
        && eye.Look(c.Images[^2], checklist).Issues.Count <= latest.Issues.Count;

    private static string EditFor(JudgeResult result, Checklist checklist)
    {
        var steps = new List<string>();
        foreach (var issue in result.Issues)
        {
            var g = checklist.Groups[issue.GroupIndex];
            var color = g.Color is null ? string.Empty : g.Color + " ";
            var where = g.Region == SketchRegion.None ? string.Empty : $" in the {Checklist.RegionWord(g.Region)} half";
            steps.Add(issue.Kind switch
            {
                JudgeFailureKind.WrongColor => $"make the {issue.FoundColor} {SketchVocabulary.Plural(g.Class)} {g.Color}",
                JudgeFailureKind.WrongCount when issue.Found < issue.Expected => $"add {Number(issue.Expected - issue.Found)} more {color}{SketchVocabulary.Phrase(g.Class, issue.Expected - issue.Found)}{where}",
                JudgeFailureKind.WrongCount => $"remove {Number(issue.Found - issue.Expected)} {SketchVocabulary.Phrase(g.Class, issue.Found - issue.Expected)}",
                JudgeFailureKind.Missing => $"add {Number(g.Count)} {color}{SketchVocabulary.Phrase(g.Class, g.Count)}{where}",
                _ => throw new InvalidOperationException($"No edit for {issue.Kind}."),
            });
        }

        return string.Join("; ", steps);
    }

    private static string Plan(Checklist checklist)
    {
        if (checklist.Groups.Count == 0)
        {
            return "The prompt names no object I can check for, so I will pass it to the generator as a clear, detailed caption.";
        }

        var notes = new List<string> { $"The prompt asks for {checklist}." };
        if (checklist.Groups.Any(g => g.Count > 1))
        {
            notes.Add("Generators often miscount, so every count goes in as a digit after \"Exactly\".");
        }

        if (checklist.Groups.Count(g => g.Color is not null) > 1)
        {
            notes.Add("Several colors can bleed between objects, so each object gets its own sentence with its color.");
        }

        if (checklist.Groups.Any(g => g.Region != SketchRegion.None || g.Relation is not null))
        {
            notes.Add("The layout matters, so I will name the half of the image each object belongs in.");
        }

        if (checklist.Groups.Any(g => g.Size != SizeHint.None))
        {
            notes.Add("The size contrast must be obvious, so I will say which object is clearly larger.");
        }

        notes.Add("I will write one explicit caption with one sentence per object group.");
        return string.Join(' ', notes);
    }

    private static string Describe(IReadOnlyList<DetectedObject> detected, byte[] png)
    {
        if (detected.Count == 0)
        {
            return "no recognizable objects";
        }

        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var (w, h) = (bitmap.Width, bitmap.Height);
        return string.Join(", ", detected.GroupBy(d => (d.Class, d.Color)).Select(g =>
        {
            var n = g.Count();
            var left = g.Count(d => d.CenterX < w / 2.0);
            var top = g.Count(d => d.CenterY < h / 2.0);
            var where = left == n ? " on the left" : left == 0 ? " on the right" : top == n ? " at the top" : top == 0 ? " at the bottom" : string.Empty;
            var color = g.Key.Color is null ? string.Empty : g.Key.Color + " ";
            return $"{n} {color}{SketchVocabulary.Phrase(g.Key.Class, n)}{where}";
        }));
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Think(string text) => $"<think>\n{text}\n</think>\n";

    private static string Judge(string text) => $"<judge>{text}</judge>\n";

    private static string Call(string tool, string argument, string value) =>
        $"<tool_call>\n{{\"name\": {Json(tool)}, \"arguments\": {{{Json(argument)}: {Json(value)}}}}}\n</tool_call>";

    private static string Json(string value) => "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
