namespace PolicingHub.Gateway.Tests.Support;

/// <summary>A store error as a driver reports it: PostgreSQL's "too many clients" is transient, a syntax error is not.</summary>
internal sealed class DriverError(bool transient) : System.Data.Common.DbException("53300: sorry, too many clients already")
{
    public override bool IsTransient => transient;
}
