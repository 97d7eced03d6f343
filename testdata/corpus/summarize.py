#!/usr/bin/env python3
"""Independent, dependency-free summary of the corpus (pcap / pcapng with
Ethernet, LINUX_SLL and LINUX_SLL2 link types): per file the link type,
packet count, DHCP message types and the option codes seen (including
options found in overloaded sname/file fields, and repeated codes, i.e.
RFC 3396 split options).  Used to cross-check README.md.

  ./summarize.py [-v] FILE...
"""
import struct, sys

MSG = {1: 'DISCOVER', 2: 'OFFER', 3: 'REQUEST', 4: 'DECLINE', 5: 'ACK', 6: 'NAK', 7: 'RELEASE',
       8: 'INFORM', 9: 'FORCERENEW', 10: 'LEASEQUERY', 11: 'LEASEUNASSIGNED', 12: 'LEASEUNKNOWN',
       13: 'LEASEACTIVE'}
LINK = {1: 'EN10MB', 113: 'LINUX_SLL', 276: 'LINUX_SLL2'}


def read_pcap(data):
    magic = data[:4]
    if magic == b'\x0a\x0d\x0d\x0a':
        yield from read_pcapng(data)
        return
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        e = '<'
    elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        e = '>'
    else:
        raise ValueError('not a pcap file')
    linktype = struct.unpack(e + 'I', data[20:24])[0] & 0xffff
    off = 24
    while off + 16 <= len(data):
        incl = struct.unpack(e + 'I', data[off + 8:off + 12])[0]
        yield linktype, data[off + 16:off + 16 + incl]
        off += 16 + incl


def read_pcapng(data):
    e = '<' if data[8:12] == b'\x4d\x3c\x2b\x1a' else '>'
    off, links = 0, []
    while off + 12 <= len(data):
        btype, blen = struct.unpack(e + 'II', data[off:off + 8])
        body = data[off + 8:off + blen - 4]
        if btype == 1:
            links.append(struct.unpack(e + 'H', body[:2])[0])
        elif btype == 6:
            ifid, _, _, caplen, _ = struct.unpack(e + 'IIIII', body[:20])
            yield links[ifid], body[20:20 + caplen]
        elif btype == 3:
            yield links[0], body[4:]
        off += blen


def l3(linktype, frame):
    if linktype == 1:
        off, et = 12, struct.unpack('>H', frame[12:14])[0]
        while et == 0x8100:
            off += 4
            et = struct.unpack('>H', frame[off:off + 2])[0]
        return et, frame[off + 2:]
    if linktype == 113:
        return struct.unpack('>H', frame[14:16])[0], frame[16:]
    if linktype == 276:
        return struct.unpack('>H', frame[0:2])[0], frame[20:]
    raise ValueError('link type %d' % linktype)


def options(buf, out):
    i = 0
    while i < len(buf):
        code = buf[i]
        if code == 255:
            return True
        if code == 0:
            i += 1
            continue
        ln = buf[i + 1]
        out.append((code, bytes(buf[i + 2:i + 2 + ln])))
        i += 2 + ln
    return False


def dhcp(payload):
    op, htype, hlen, hops, xid = struct.unpack('>BBBBI', payload[:8])
    giaddr = '.'.join(map(str, payload[24:28]))
    opts = []
    sname, file_ = payload[44:108], payload[108:236]
    overload_note = ''
    if payload[236:240] == b'\x63\x82\x53\x63':
        options(payload[240:], opts)
        ov = [v for c, v in opts if c == 52]
        if ov:
            o = ov[0][0]
            if o & 1:
                options(file_, opts)
                overload_note += ' file-has-options'
            if o & 2:
                options(sname, opts)
                overload_note += ' sname-has-options'
    mt = [v[0] for c, v in opts if c == 53]
    kind = MSG.get(mt[0], str(mt[0])) if mt else ('BOOTREQUEST' if op == 1 else 'BOOTREPLY')
    return dict(op=op, hops=hops, giaddr=giaddr, kind=kind, opts=opts, overload=overload_note)


def summarize(path, verbose):
    data = open(path, 'rb').read()
    n, kinds, codes, links, repeated, notes = 0, [], set(), set(), set(), set()
    for lt, frame in read_pcap(data):
        n += 1
        links.add(LINK.get(lt, str(lt)))
        et, ip = l3(lt, frame)
        if et != 0x0800 or ip[9] != 17:
            continue
        ihl = (ip[0] & 15) * 4
        udp = ip[ihl:]
        sport, dport = struct.unpack('>HH', udp[:4])
        d = dhcp(udp[8:])
        kinds.append(d['kind'])
        seen = [c for c, _ in d['opts']]
        codes.update(seen)
        repeated.update(c for c in seen if seen.count(c) > 1)
        if d['hops']:
            notes.add('hops=%d' % d['hops'])
        if d['giaddr'] != '0.0.0.0':
            notes.add('giaddr')
        if d['overload']:
            notes.add('overload:' + d['overload'].strip())
        if verbose:
            print('   %-16s %5d->%-5d opts=%s%s' % (d['kind'], sport, dport, seen, d['overload']))
    print('%s: %s, %d packets; messages: %s; option codes: %s%s%s' % (
        path, '/'.join(sorted(links)), n, ' '.join(kinds),
        ','.join(map(str, sorted(codes))),
        ('; repeated (RFC 3396 split): ' + ','.join(map(str, sorted(repeated)))) if repeated else '',
        ('; ' + ' '.join(sorted(notes))) if notes else ''))


if __name__ == '__main__':
    args = sys.argv[1:]
    verbose = '-v' in args
    for p in [a for a in args if a != '-v']:
        summarize(p, verbose)
