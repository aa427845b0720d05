import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { installPackedMfaKit, isHostDependency } from './measure.mjs';
const file = process.argv[2] ?? 'signInTotp.tsx';
const c = installPackedMfaKit();
process.env.NODE_ENV='production';
const r = await build({configFile:false, root:c.dir, mode:'production', logLevel:'warn', publicDir:false, plugins:[react(), {name:'stub', enforce:'pre', load(id){ const m=(process.env.STUB||'').split(',').filter(Boolean); for (const x of m){ const i=x.indexOf('=');const f=x.slice(0,i),code=x.slice(i+1); if(id.endsWith(f)) return code.replaceAll('~',' ');} }}], resolve:{dedupe:['react','react-dom']}, define:{'process.env.NODE_ENV':'"production"'}, build:{write:false,target:'es2022',minify:true,modulePreload:false,reportCompressedSize:false, rollupOptions:{input:join(c.dir,'apps',file), external:(id)=>isHostDependency(id)||(process.env.EXT?new RegExp(process.env.EXT).test(id):false)}}});
const out = (Array.isArray(r)?r:[r]).flatMap(o=>o.output).filter(i=>i.type==='chunk');
import { writeFileSync } from 'node:fs';
for (const ch of out) {
  if (process.env.DUMP) writeFileSync(process.env.DUMP + '/' + ch.fileName.replace(/.*\//,''), ch.code);
  console.log(`\n## ${ch.fileName} entry=${ch.isEntry} dyn=${ch.isDynamicEntry} gz=${gzipSync(ch.code,{level:9}).length} imports=${ch.imports.join(',')}`);
  const rows = Object.entries(ch.modules).map(([id,m])=>[id.replace(/.*node_modules\//,'nm:'), m.renderedLength, m.code? gzipSync(transformSync(m.code,{minify:true,loader:'js'}).code,{level:9}).length:0]).sort((a,b)=>b[1]-a[1]);
  for (const [id,len,gz] of rows) if (len>0) console.log(String(len).padStart(7), String(gz).padStart(6), id);
}
c.dispose();
