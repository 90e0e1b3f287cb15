namespace PolicingHub.Grains.Model;

/// <summary>Draft → Signed → Active ⇄ Suspended → Terminated or Expired.</summary>
public enum AgreementStatus
{
    Draft,
    Signed,
    Active,
    Suspended,
    Terminated,
    Expired,
}
