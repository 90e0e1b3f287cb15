namespace PolicingHub.Console.Forms;

/// <summary>One liaison contact being entered in the agency registration form.</summary>
public sealed class ContactRow
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}
