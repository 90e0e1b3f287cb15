namespace PolicingHub.Console.Forms;

/// <summary>One response clause being drafted: the fields as typed, checked on submit (the hub checks them again).</summary>
public sealed class ClauseRow
{
    public string? Area { get; set; }

    public string? Priority { get; set; } = "Urgent";

    public string? AcknowledgeWithin { get; set; } = "PT8H";

    public string? AnswerWithin { get; set; } = "P3D";
}
