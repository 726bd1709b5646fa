#!/usr/bin/env python3
# Renders www/pwa/icon.svg's shapes into the small indexed PNG icons of the PWA manifest (192 and 512
# pixels, and the maskable 512 with the content inside the safe zone). Usage: scripts/make-icons.py www/pwa
import struct, zlib, sys
BG=(0x1f,0x5f,0x8b); CREAM=(0xf6,0xf5,0xf1); SAND=(0xfd,0xe4,0xa8); BROWN=(0x9a,0x5b,0x00)
def shapes(full_bleed):
    # (x,y,w,h,r,color) in 512 units, painted in order
    s=[(0,0,512,512,0 if full_bleed else 104,BG),
       (104,128,304,40,20,CREAM),(104,236,96,40,20,CREAM),(216,216,192,80,16,SAND),
       (216,276,192,20,6,BROWN),(104,344,232,40,20,CREAM)]
    if full_bleed:  # maskable: the content shrunk into the safe zone
        k=0.8
        s=[s[0]]+[(256+(x-256)*k,256+(y-256)*k,w*k,h*k,r*k,c) for (x,y,w,h,r,c) in s[1:]]
    return s
def inside(px,py,x,y,w,h,r):
    if px<x or py<y or px>=x+w or py>=y+h: return False
    cx=min(max(px,x+r),x+w-r); cy=min(max(py,y+r),y+h-r)
    return (px-cx)**2+(py-cy)**2<=r*r
def render(size, full_bleed, ss=4, levels=4):
    sc=512/size; sh=shapes(full_bleed)
    palette=[]; index={}
    rows=[]
    for j in range(size):
        row=bytearray([0])
        for i in range(size):
            acc=[0,0,0,0]  # r,g,b,alpha
            seen=set()
            for sj in range(ss):
                for si in range(ss):
                    px=(i+(si+.5)/ss)*sc; py=(j+(sj+.5)/ss)*sc
                    col=None
                    for (x,y,w,h,r,c) in sh:
                        if inside(px,py,x,y,w,h,r): col=c
                    seen.add(col)
                    if col:
                        acc[0]+=col[0];acc[1]+=col[1];acc[2]+=col[2];acc[3]+=1
            n=ss*ss
            if acc[3]==0: key=(0,0,0,0)
            else:
                a=round(acc[3]/n*levels)/levels
                key=(tuple(round(acc[k]/acc[3]/17)*17 for k in range(3)) if len(seen)>1 else list(seen)[0])+(round(a*255),)
                if key[3]==0: key=(0,0,0,0)
            if key not in index:
                index[key]=len(palette); palette.append(key)
            row.append(index[key])
        rows.append(bytes(row))
    assert len(palette)<=256, len(palette)
    def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
    png=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',size,size,8,3,0,0,0))
    png+=chunk(b'PLTE',b''.join(bytes(p[:3]) for p in palette))
    if any(p[3]<255 for p in palette): png+=chunk(b'tRNS',bytes(p[3] for p in palette))
    png+=chunk(b'IDAT',zlib.compress(b''.join(rows),9))+chunk(b'IEND',b'')
    return png, len(palette)
for name,size,bleed in [('icon-192.png',192,False),('icon-512.png',512,False),('icon-maskable-512.png',512,True)]:
    png,n=render(size,bleed)
    open(sys.argv[1]+'/'+name,'wb').write(png); print(name,len(png),n)
