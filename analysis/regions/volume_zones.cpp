// R407 / R408: a volume attached to a server in another availability
// zone. AWS EBS volumes attach only within their zone (always R407);
// Nova attaches across zones unless `[cinder] cross_az_attach` is false
// (R407 when the profile says so, else the R408 warning). Both zones must
// be known: literals, parameters with a value, or the same
// `Fn::Select [i, Fn::GetAZs ...]` list read at two different indices.

#include "analysis/regions/region_rules.h"
#include "analysis/regions/zone_value.h"

namespace isobar {

namespace {

// One attachment: the property naming the volume, and the server.
struct Attachment {
  NodeId volume_value = kNoNode;
  uint32_t volume = 0;
  uint32_t server = 0;
};

class VolumeZoneChecker {
 public:
  VolumeZoneChecker(const RegionFacts& facts, DiagnosticEmitter& emitter)
      : facts_(facts), doc_(facts.doc), emitter_(emitter) {}

  void Run() {
    for (uint32_t i = 0; i < facts_.tmpl.resources.size(); ++i) {
      for (const Attachment& a : AttachmentsOf(i)) Check(a);
    }
  }

 private:
  auto Property(uint32_t index, std::string_view key) const -> NodeId {
    NodeId props = facts_.tmpl.resources[index].properties;
    if (!doc_.IsMapping(props)) return kNoNode;
    const MapEntry* entry = doc_.Find(props, key);
    return entry ? entry->value : kNoNode;
  }

  // The resource `node` names directly (get_resource, Ref, get_attr).
  auto Named(NodeId node) const -> std::optional<uint32_t> {
    if (node == kNoNode) return std::nullopt;
    uint32_t call = facts_.resolution.functions.CallAt(node, false);
    if (call == kNoCall) return std::nullopt;
    auto refs = facts_.ResourceRefsOf(call);
    if (refs.size() != 1) return std::nullopt;
    return refs.front()->target->index;
  }

  void AddFromList(uint32_t server, NodeId list, std::string_view key,
                   std::vector<Attachment>& out) const {
    if (!doc_.IsSequence(list)) return;
    for (NodeId item : doc_.node(list).items) {
      if (!doc_.IsMapping(item)) continue;
      const MapEntry* entry = doc_.Find(item, key);
      if (!entry) continue;
      if (auto volume = Named(entry->value)) {
        out.push_back({entry->value, *volume, server});
      }
    }
  }

  auto AttachmentsOf(uint32_t index) const -> std::vector<Attachment> {
    std::vector<Attachment> out;
    std::string_view type = facts_.TypeName(index);
    auto pair = [&](std::string_view volume_key, std::string_view server_key) {
      NodeId volume_value = Property(index, volume_key);
      auto volume = Named(volume_value);
      auto server = Named(Property(index, server_key));
      if (volume && server) out.push_back({volume_value, *volume, *server});
    };
    if (type == "AWS::EC2::VolumeAttachment") {
      pair("VolumeId", "InstanceId");
    } else if (type == "OS::Cinder::VolumeAttachment") {
      pair("volume_id", "instance_uuid");
    } else if (type == "AWS::EC2::Instance") {
      AddFromList(index, Property(index, "Volumes"), "VolumeId", out);
    } else if (type == "OS::Nova::Server") {
      AddFromList(index, Property(index, "block_device_mapping"), "volume_id", out);
      AddFromList(index, Property(index, "block_device_mapping_v2"), "volume_id", out);
    }
    return out;
  }

  auto ZoneOf(uint32_t index) const -> std::optional<ZoneValue> {
    std::string_view type = facts_.TypeName(index);
    if (type.starts_with("OS::")) {
      return EvaluateZone(facts_, Property(index, "availability_zone"));
    }
    if (auto zone = EvaluateZone(facts_, Property(index, "AvailabilityZone"))) {
      return zone;
    }
    // An instance runs in the zone of its subnet.
    if (type == "AWS::EC2::Instance") {
      auto subnet = Named(Property(index, "SubnetId"));
      if (subnet && facts_.TypeName(*subnet) == "AWS::EC2::Subnet") {
        return EvaluateZone(facts_, Property(*subnet, "AvailabilityZone"));
      }
    }
    return std::nullopt;
  }

  void Check(const Attachment& a) {
    if (facts_.RegionOf(a.volume) != facts_.RegionOf(a.server)) return;
    auto volume_zone = ZoneOf(a.volume);
    auto server_zone = ZoneOf(a.server);
    if (!volume_zone || !server_zone || volume_zone->key == server_zone->key) {
      return;
    }
    const std::string& volume = facts_.tmpl.resources[a.volume].name;
    const std::string& server = facts_.tmpl.resources[a.server].name;
    bool aws = facts_.TypeName(a.volume).starts_with("AWS::");
    bool refused = aws || (facts_.profile && !facts_.profile->cross_az_attach);
    std::string why =
        aws ? "an EBS volume attaches only to instances in its own zone"
        : refused ? "this cloud refuses attachments across zones "
                    "(`cross_az_attach: false` in the profile)"
                  : "Nova allows it only while `[cinder] cross_az_attach` is "
                    "true, and the volume is then reached across zones";
    emitter_
        .Build(refused ? DiagnosticKind::CrossZoneVolumeAttachment
                       : DiagnosticKind::CrossZoneVolumeAttachmentIfAllowed,
               doc_.LocationOf(a.volume_value),
               "volume `{}` ({}) is attached to `{}` in {}; {}: put both in "
               "the same availability zone",
               volume, volume_zone->shown, server, server_zone->shown, why)
        .Region(facts_.RegionOf(a.server))
        .Note(volume_zone->where, "`{}` is in {} here", volume,
              volume_zone->shown)
        .Note(server_zone->where, "`{}` is in {} here", server,
              server_zone->shown)
        .Emit();
  }

  const RegionFacts& facts_;
  const Document& doc_;
  DiagnosticEmitter& emitter_;
};

}  // namespace

void CheckVolumeZones(const RegionFacts& facts, DiagnosticEmitter& emitter) {
  VolumeZoneChecker(facts, emitter).Run();
}

}  // namespace isobar
