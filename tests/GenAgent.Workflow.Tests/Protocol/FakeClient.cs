namespace GenAgent.Workflow.Tests.Protocol;

/// <summary>
/// Stand-ins for the authors' client files, written for these tests: the same shape (a module-level SYSTEM_PROMPT
/// triple-quoted literal with the tool schemas inside &lt;tools&gt;), none of the authors' words.
/// </summary>
internal static class FakeClient
{
    public const string V2Source = """"
        """A stand-in for the reference v2 client."""
        import json

        SYSTEM_PROMPT = '''You help the tests draw.
        # Tools
        <tools>
        [
          {"type": "function", "function": {"name": "image_generation_tool", "parameters": {"required": ["caption"]}}},
          {"type": "function", "function": {"name": "image_editing_tool", "parameters": {"required": ["instruction"]}}}
        ]
        </tools>
        Answer <answer>done</answer> when it\'s right.\tTabbed.
        '''

        START_TOKEN = "<tool_call>"
        """";

    public const string V1Source = """"
        SYSTEM_PROMPT = '''You help the tests draw, one tool only.
        <tools>
        {"type":"function","function":{"name":"image_generation_tool","parameters":{"required":["caption"]}}}
        </tools>
        Case 1: <judge>...</judge> <answer>done</answer>
        '''
        """";
}
