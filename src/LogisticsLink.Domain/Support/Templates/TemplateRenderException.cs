namespace LogisticsLink.Domain.Support.Templates;

/// <summary>
/// A template that parses but cannot give a reply: what went wrong (<see cref="Problem"/>, e.g. "too much work") and
/// where (the message). Saving refuses it; at reply time the answer says it instead of a reply.
/// </summary>
public abstract class TemplateRenderException(string problem, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Problem => problem;
}
