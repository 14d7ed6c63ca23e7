using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace CalfCoach.Web;

/// <summary>
/// The host names a request may address this server by, so a web page cannot reach it through a DNS name that an attacker
/// points at it (DNS rebinding) and read or change the runner's data. Loopback names always; bound beyond loopback, also
/// the machine's own addresses, the host names in the listening URLs and the names the operator allowed.
/// </summary>
internal sealed class HostAllowList
{
    private readonly HashSet<string> _names;
    private readonly HashSet<IPAddress> _addresses;
    private readonly string[] _suffixes;

    private HostAllowList(HashSet<string> names, HashSet<IPAddress> addresses, string[] suffixes)
    {
        _names = names;
        _addresses = addresses;
        _suffixes = suffixes;
    }

    /// <summary>What a human reads in the refusal: the names allowed, without the machine's many addresses.</summary>
    public IReadOnlyCollection<string> Names => _names;

    public static HostAllowList For(CalfCoachWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost" };
        var addresses = new HashSet<IPAddress>();
        var suffixes = new List<string>();
        if (!options.Urls.All(CalfCoachWebOptions.IsLoopbackUrl))
        {
            foreach (var url in options.Urls)
            {
                // "http://*:80" and "http://+:80" do not parse and 0.0.0.0 / [::] name every address: none is a host name.
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !IsUnspecified(uri.Host))
                {
                    Add(uri.Host, names, addresses);
                }
            }

            foreach (var address in MachineAddresses())
            {
                addresses.Add(Normalise(address));
            }
        }

        foreach (var host in options.AllowedHosts)
        {
            if (host.StartsWith("*.", StringComparison.Ordinal))
            {
                suffixes.Add(host[1..]);
            }
            else
            {
                Add(host, names, addresses);
            }
        }

        return new HostAllowList(names, addresses, [.. suffixes]);
    }

    public bool Allows(string host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            var address = Normalise(ip);
            return IPAddress.IsLoopback(address) || _addresses.Contains(address);
        }

        var name = host.TrimEnd('.');
        return _names.Contains(name) || _suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase) && name.Length > s.Length);
    }

    private static void Add(string host, HashSet<string> names, HashSet<IPAddress> addresses)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            addresses.Add(Normalise(ip));
        }
        else
        {
            names.Add(host.TrimEnd('.'));
        }
    }

    private static bool IsUnspecified(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    /// <summary>Without the IPv6 scope and with IPv4-mapped addresses as IPv4, so one address compares equal however written.</summary>
    private static IPAddress Normalise(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
    }

    private static IEnumerable<IPAddress> MachineAddresses()
    {
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            // Without the list only the names given are allowed: stricter, never looser.
            yield break;
        }

        foreach (var networkInterface in interfaces)
        {
            foreach (var unicast in networkInterface.GetIPProperties().UnicastAddresses)
            {
                yield return unicast.Address;
            }
        }
    }
}
