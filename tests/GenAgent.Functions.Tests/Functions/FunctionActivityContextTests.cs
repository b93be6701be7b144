using GenAgent.Functions.Functions;
using GenAgent.Workflow;

namespace GenAgent.Functions.Tests.Functions;

public sealed class FunctionActivityContextTests
{
    [Fact]
    public void It_carries_the_activity_name_and_the_orchestration_instance_id()
    {
        var context = new FunctionActivityContext(WorkflowNames.GenerateImage, "session-1");

        Assert.Equal(WorkflowNames.GenerateImage, context.Name.Name);
        Assert.Equal("session-1", context.InstanceId);
    }
}
