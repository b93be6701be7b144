namespace GenAgent.Workflow.Tests.Fakes;

/// <summary>Assistant texts in the protocol the GenAgent weights speak.</summary>
internal static class Replies
{
    public static string Generate(string caption, string? judge = null) =>
        $"<think>planning {caption}</think>{Judge(judge)}<tool_call>{{\"name\": \"image_generation_tool\", \"arguments\": {{\"caption\": \"{caption}\"}}}}</tool_call>";

    public static string Edit(string instruction, string judge = "small flaw") =>
        $"<think>fix it</think>{Judge(judge)}<tool_call>{{\"name\": \"image_editing_tool\", \"arguments\": {{\"instruction\": \"{instruction}\"}}}}</tool_call>";

    public static string Done(string judge = "matches the prompt") => $"<think>checking</think>{Judge(judge)}<answer>done</answer>";

    public const string Garbage = "I would draw a cat, I think.";

    private static string Judge(string? judge) => judge is null ? string.Empty : $"<judge>{judge}</judge>";
}
