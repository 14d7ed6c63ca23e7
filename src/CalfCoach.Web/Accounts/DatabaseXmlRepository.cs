using System.Xml.Linq;
using CalfCoach.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CalfCoach.Web.Accounts;

/// <summary>
/// The data-protection key ring in the database, so every server process on it protects and unprotects with the same
/// keys (device cookies, anti-forgery tokens) and a restart loses nothing. Keys are stored as the framework writes them,
/// not encrypted again: they sit next to the data they protect, so whoever can read the table can read the data anyway.
/// </summary>
internal sealed class DatabaseXmlRepository(AccountStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => store.DataProtectionKeys().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.StoreDataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
