// Properties that `aws cloudformation package` (and `sam package`)
// rewrite: a template may give a local path or S3 URL as a string where
// the schema wants a map, and cfn-lint accepts it. Facts from the AWS CLI
// documentation of `package`.
#pragma once

#include <string_view>

namespace isobar {

// True when `property` (a top-level name, or `Command.ScriptLocation`)
// of `type` is one `package` uploads and replaces.
inline auto IsPackagedProperty(std::string_view type, std::string_view property)
    -> bool {
  struct Entry {
    std::string_view type;
    std::string_view property;
  };
  static constexpr Entry kPackaged[] = {
      {"AWS::ApiGateway::RestApi", "BodyS3Location"},
      {"AWS::AppSync::GraphQLSchema", "DefinitionS3Location"},
      {"AWS::AppSync::Resolver", "RequestMappingTemplateS3Location"},
      {"AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location"},
      {"AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location"},
      {"AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location"},
      {"AWS::CloudFormation::Stack", "TemplateURL"},
      {"AWS::CodeCommit::Repository", "Code"},
      {"AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle"},
      {"AWS::Glue::Job", "Command.ScriptLocation"},
      {"AWS::Lambda::Function", "Code"},
      {"AWS::Lambda::LayerVersion", "Content"},
      {"AWS::StepFunctions::StateMachine", "DefinitionS3Location"},
  };
  for (const Entry& e : kPackaged) {
    if (e.type == type && e.property == property) return true;
  }
  return false;
}

}  // namespace isobar
