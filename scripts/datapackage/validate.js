// Validates the downloads of a built site with the Frictionless Data
// libraries of the npm registry (datapackage, with tableschema): the
// descriptor against the Tabular Data Package v1 profile, then every row of
// every CSV against its Table Schema (types, constraints, primary key
// uniqueness, foreign keys). Then it parses the schema.org Dataset JSON-LD
// of the pages given with jsonld.js.
//
// Usage: node validate.js DATA_DIR... [PAGE.html...]
'use strict'
const fs = require('fs')
const path = require('path')
const {Package} = require('datapackage')
const {Table} = require('tableschema')

// The CSVs start with a UTF-8 byte order mark, which Excel needs to read
// UTF-8. Frictionless' Python framework reads it as the encoding's mark;
// this older JS reader would take it for part of the first column's name,
// so its CSV parser (csv-parse) is told to do the same as Python's.
const iter = Table.prototype.iter
Table.prototype.iter = function (...args) {
  this._parserOptions = {...this._parserOptions, bom: true}
  return iter.apply(this, args)
}
const jsonld = require('jsonld')

async function checkPackage(dir) {
  const descriptor = path.join(dir, 'datapackage.json')
  const dp = await Package.load(descriptor, dir)
  let problems = 0
  if (!dp.valid) {
    for (const e of dp.errors) console.log(`datapackage.json: profile ${dp.descriptor.profile}: ${e.message}`)
    problems += dp.errors.length
  }
  let rows = 0
  for (const r of dp.resources) {
    if (!r.valid) {
      for (const e of r.errors) console.log(`${r.name}: ${e.message}`)
      problems += r.errors.length
      continue
    }
    try {
      const data = await r.read({relations: true, forceCast: true})
      const bad = data.filter((row) => row instanceof Error)
      for (const e of bad.slice(0, 5)) console.log(`${r.descriptor.path}: ${e.message}${e.errors ? ': ' + e.errors.map((x) => x.message).join('; ') : ''}`)
      problems += bad.length
      rows += data.length
      console.log(`${bad.length ? 'FAIL' : 'ok'} ${r.descriptor.path}: ${data.length - bad.length}/${data.length} rows valid, ${r.schema.fields.length} fields, primary key ${JSON.stringify(r.schema.primaryKey)}, ${(r.schema.foreignKeys || []).length} foreign keys`)
    } catch (e) {
      console.log(`${r.descriptor.path}: ${e.message}${e.errors ? ': ' + e.errors.slice(0, 5).map((x) => x.message).join('; ') : ''}`)
      problems++
    }
  }
  console.log(`datapackage.json: profile ${dp.descriptor.profile}, ${dp.resources.length} resources, ${rows} rows, ${problems} problems`)
  return problems
}

// The pages are built offline and so is this check: schema.org's context
// is given as the vocabulary it declares, not fetched.
const schemaOrg = {'@context': {'@vocab': 'https://schema.org/'}}
async function documentLoader(url) {
  if (url === 'https://schema.org' || url === 'https://schema.org/') {
    return {contextUrl: null, documentUrl: url, document: schemaOrg}
  }
  throw new Error(`no network: ${url}`)
}

async function checkPage(file) {
  const html = fs.readFileSync(file, 'utf8')
  const re = /<script type="?application\/ld\+json"?>([\s\S]*?)<\/script>/g
  let m, n = 0, problems = 0
  while ((m = re.exec(html))) {
    n++
    try {
      const doc = JSON.parse(m[1])
      const expanded = await jsonld.expand(doc, {documentLoader, safe: true})
      const types = expanded.flatMap((x) => x['@type'] || [])
      if (!types.includes('https://schema.org/Dataset')) throw new Error(`type ${types}, want https://schema.org/Dataset`)
      const quads = await jsonld.toRDF(doc, {documentLoader, format: 'application/n-quads'})
      console.log(`ok ${file}: JSON-LD Dataset, ${quads.split('\n').filter(Boolean).length} triples`)
    } catch (e) {
      console.log(`${file}: JSON-LD: ${e.message}`)
      problems++
    }
  }
  if (n === 0) {
    console.log(`${file}: no JSON-LD`)
    problems++
  }
  return problems
}

async function main() {
  // The data folders (du-lieu, en/du-lieu: each has its datapackage.json),
  // then the pages.
  const args = process.argv.slice(2)
  const dirs = args.filter((a) => fs.statSync(a).isDirectory())
  const pages = args.filter((a) => !dirs.includes(a))
  let problems = 0
  for (const d of dirs) {
    console.log(`-- ${d}`)
    problems += await checkPackage(d)
  }
  for (const p of pages) problems += await checkPage(p)
  console.log(problems === 0 ? 'valid' : `${problems} problems`)
  process.exit(problems === 0 ? 0 : 1)
}

main().catch((e) => { console.error(e); process.exit(2) })
