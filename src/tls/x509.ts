import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { ecdsaWithSHA256 } from '@peculiar/asn1-ecc';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  GeneralName,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
  id_kp_serverAuth,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';

/** X.520 attribute types of the subject names we write. */
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';

export interface Subject {
  commonName: string;
  organization: string;
}

/** Who signs: the issuer's name and private key (the subject's own for a self-signed certificate). */
export interface Issuer {
  subject: Subject;
  key: KeyObject;
  /** The issuer's public key, for the Authority Key Identifier. */
  publicKey: KeyObject;
}

export interface CertificateRequest {
  subject: Subject;
  publicKey: KeyObject;
  issuer: Issuer;
  notBefore: Date;
  notAfter: Date;
  /** A CA signs certificates; a server certificate names the hosts it serves. */
  role: { ca: true } | { ca: false; names: readonly string[] };
}

function nameOf(subject: Subject): Name {
  const attribute = (type: string, value: string) =>
    new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: value }) })]);
  return new Name([attribute(ORGANIZATION, subject.organization), attribute(COMMON_NAME, subject.commonName)]);
}

function spkiOf(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/** RFC 5280 4.2.1.2 method (1): SHA-1 of the subjectPublicKey bit string. */
function keyIdentifier(key: KeyObject): Buffer {
  const info = AsnConvert.parse(spkiOf(key), SubjectPublicKeyInfo);
  return createHash('sha1').update(Buffer.from(info.subjectPublicKey)).digest();
}

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

function generalName(name: string): GeneralName {
  return isIP(name) ? new GeneralName({ iPAddress: name }) : new GeneralName({ dNSName: name });
}

/** A positive 128-bit serial number (RFC 5280 4.1.2.2: at most 20 octets, unique per issuer). */
function serialNumber(): ArrayBuffer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return new Uint8Array(bytes).buffer;
}

function extensionsOf(request: CertificateRequest): Extensions {
  const own = new SubjectKeyIdentifier(keyIdentifier(request.publicKey));
  const authority = new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyIdentifier(request.issuer.publicKey)) });
  const list = [extension(id_ce_subjectKeyIdentifier, false, own), extension(id_ce_authorityKeyIdentifier, false, authority)];
  if (request.role.ca) {
    list.push(
      extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: true, pathLenConstraint: 0 })),
      extension(id_ce_keyUsage, true, new KeyUsage(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign)),
    );
  } else {
    list.push(
      extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: false })),
      extension(id_ce_keyUsage, true, new KeyUsage(KeyUsageFlags.digitalSignature)),
      // Apple platforms refuse a server certificate without serverAuth or without the names in SAN.
      extension(id_ce_extKeyUsage, false, new ExtendedKeyUsage([id_kp_serverAuth])),
      extension(id_ce_subjectAltName, false, new SubjectAlternativeName(request.role.names.map(generalName))),
    );
  }
  return new Extensions(list);
}

/** An X.509 v3 certificate signed with ECDSA-SHA256 by the issuer's key, as PEM. */
export function issueCertificate(request: CertificateRequest): string {
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: serialNumber(),
    signature: ecdsaWithSHA256,
    issuer: nameOf(request.issuer.subject),
    validity: new Validity({ notBefore: request.notBefore, notAfter: request.notAfter }),
    subject: nameOf(request.subject),
    subjectPublicKeyInfo: AsnConvert.parse(spkiOf(request.publicKey), SubjectPublicKeyInfo),
    extensions: extensionsOf(request),
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbs));
  const signature = sign('sha256', tbsDer, { key: request.issuer.key, dsaEncoding: 'der' });
  const certificate = new Certificate({ tbsCertificate: tbs, signatureAlgorithm: ecdsaWithSHA256, signatureValue: new Uint8Array(signature).buffer });
  const der = Buffer.from(AsnConvert.serialize(certificate));
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
}
