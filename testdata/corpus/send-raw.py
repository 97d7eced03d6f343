#!/usr/bin/python3
"""Send a few hand-built but legal BOOTP/DHCP messages that no packaged client
produces (used by make-corpus.sh inside a client/relay namespace only).

  send-raw.py bootp IFACE MAC                 plain RFC 951 BOOTREQUEST (no option 53)
  send-raw.py leasequery IFACE GIADDR SERVER CIADDR MAC
                                               DHCPLEASEQUERY (RFC 4388) by IP, by MAC
                                               and for an unknown address, as a relay
"""
import sys, time
from scapy.all import Ether, IP, UDP, BOOTP, DHCP, sendp, send, conf, get_if_hwaddr

conf.verb = 0

def mac2bytes(m):
    return bytes(int(x, 16) for x in m.split(':'))

def main():
    mode = sys.argv[1]
    if mode == 'bootp':
        iface, mac = sys.argv[2], sys.argv[3]
        vend = b'\x63\x82\x53\x63' + b'\xff'
        vend += b'\x00' * (64 - len(vend))   # RFC 951 64-byte vendor area
        for i in range(2):
            pkt = (Ether(src=mac, dst='ff:ff:ff:ff:ff:ff') /
                   IP(src='0.0.0.0', dst='255.255.255.255', ttl=64) /
                   UDP(sport=68, dport=67) /
                   BOOTP(op=1, chaddr=mac2bytes(mac) + b'\x00' * 10, xid=0x0b0070ff + i,
                         secs=i * 4, options=vend))
            sendp(pkt, iface=iface)
            time.sleep(2)
    elif mode == 'leasequery':
        iface, giaddr, server, ciaddr, mac = sys.argv[2:7]
        queries = [
            # by IP address (ciaddr)
            dict(ciaddr=ciaddr, chaddr=b'', htype=0, hlen=0),
            # by MAC address (chaddr)
            dict(ciaddr='0.0.0.0', chaddr=mac2bytes(mac), htype=1, hlen=6),
            # unknown address
            dict(ciaddr='10.99.200.200', chaddr=b'', htype=0, hlen=0),
        ]
        for i, q in enumerate(queries):
            chaddr = q['chaddr'] + b'\x00' * (16 - len(q['chaddr']))
            pkt = (IP(src=giaddr, dst=server) / UDP(sport=67, dport=67) /
                   BOOTP(op=1, htype=q['htype'], hlen=q['hlen'], xid=0x1ea5e000 + i,
                         ciaddr=q['ciaddr'], giaddr=giaddr, chaddr=chaddr) /
                   DHCP(options=[('message-type', 10),
                                 ('param_req_list', [1, 3, 6, 51, 54, 82]),
                                 'end']))
            send(pkt, iface=iface)
            time.sleep(1)
    else:
        sys.exit('unknown mode')

main()
