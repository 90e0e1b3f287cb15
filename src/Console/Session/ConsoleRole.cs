namespace PolicingHub.Console.Session;

/// <summary>The three kinds of console user; each sees only its own views.</summary>
public enum ConsoleRole
{
    Partner,
    Coordinator,
    Operator,
}
